import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, vi } from 'vitest';
import { launchBrowser, type TestBrowser } from './browser.js';
import { startTestPlayground, type TestPlayground } from './playground.js';

/** A browser test file's playground, browser and page, ready once its `beforeAll` has run. */
export interface ConsoleSuite {
  readonly playground: TestPlayground;
  readonly browser: TestBrowser;
  readonly page: Page;
  /** Types into the conversation's message box and presses Enter, as a person sends a message. */
  say(text: string): Promise<void>;
}

// A loaded two-core machine runs the browser, the bot and other test files at once: steps wait longer than in a
// plain unit test, and an action that can never happen fails on its own, naming what it waited for.
const TEST_MS = 60_000;
const ACTION_MS = 20_000;

/**
 * Registers the hooks of a browser test file: one playground and one Chromium for the file, and before each test
 * the console starts over (no modal left open, the default person in #ops), so one failed test cannot hold up the
 * ones after it. A failed test leaves a screenshot and prints what the page showed and the bot's last log lines.
 */
export function consoleSuite(): ConsoleSuite {
  vi.setConfig({ testTimeout: TEST_MS });
  let playground: TestPlayground | undefined;
  let browser: TestBrowser | undefined;
  const ready = () => {
    if (!playground || !browser) throw new Error('the playground or the browser did not start');
    return { playground, browser, page: browser.page };
  };

  beforeAll(async () => {
    [playground, browser] = await Promise.all([startTestPlayground(), launchBrowser()]);
    browser.page.setDefaultTimeout(ACTION_MS);
  }, TEST_MS);

  beforeEach(async ({ task, onTestFailed }) => {
    const { page, playground } = ready();
    onTestFailed(() => describeFailure(task.name));
    await startOver(page, playground.url);
  });

  afterAll(async () => {
    await browser?.close();
    await playground?.close();
  });

  const describeFailure = async (name: string) => {
    const { page, playground, browser } = ready();
    const file = await browser.screenshot(`failed-${name.replace(/\W+/g, '-').slice(0, 60)}`).catch(String);
    const dialogs = await page
      .getByRole('dialog')
      .allInnerTexts()
      .catch(() => []);
    process.stdout.write(
      [
        `browser test failed: ${name}`,
        `screenshot: ${file}`,
        `open dialogs: ${dialogs.length ? dialogs.map((text) => JSON.stringify(text.slice(0, 300))).join(', ') : 'none'}`,
        'last lines of the bot’s log:',
        ...playground.logs.slice(-20),
        '',
      ].join('\n'),
    );
  };

  return {
    get playground() {
      return ready().playground;
    },
    get browser() {
      return ready().browser;
    },
    get page() {
      return ready().page;
    },
    async say(text) {
      const box = ready().page.getByRole('textbox', { name: 'Message' });
      await box.fill(text);
      await box.press('Enter');
    },
  };
}

async function startOver(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.evaluate('sessionStorage.clear()');
  await page.reload();
  await page.getByRole('textbox', { name: 'Message' }).waitFor();
  // A modal a person left open is kept by the workspace and comes back with the page; Escape closes it there too.
  const dialogs = page.getByRole('dialog');
  for (let open = await dialogs.count(), tries = 0; open > 0 && tries < 5; tries += 1) {
    await page.keyboard.press('Escape');
    await page.waitForFunction(`document.querySelectorAll('dialog[open]').length < ${open}`);
    open = await dialogs.count();
  }
}
