import { describe, expect, it } from 'vitest';
import { consoleSuite } from '../helpers/console-suite.js';

const suite = consoleSuite();

// On a busy machine a page's timers and frames run late, so the event stream's first state can arrive between the
// console's first render and its subscription to changes (scheduled on a frame or a timer). This makes it so.
const LATE_TIMERS = `
  const setTimer = window.setTimeout.bind(window);
  window.setTimeout = (callback, ms, ...args) => setTimer(callback, (ms ?? 0) + 1000, ...args);
  window.requestAnimationFrame = (callback) => setTimer(() => callback(performance.now()), 1000);
`;

describe('opening the playground console', () => {
  it('shows the workspace even when its first state arrives before the page listens for changes', async () => {
    const page = await suite.browser.context.newPage();
    try {
      await page.addInitScript(LATE_TIMERS);
      await page.goto(suite.playground.url);
      await page.getByRole('textbox', { name: 'Message' }).waitFor({ timeout: 10_000 });
      expect(await page.getByRole('link', { name: 'ops', exact: true }).count()).toBe(1);
    } finally {
      await page.close();
    }
  });
});
