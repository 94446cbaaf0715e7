import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SlackCall } from '../helpers/fake-slack.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';
import { alertsIn, askIn, digestsIn, TestClock } from './digest-helpers.js';

const PROJECTS = 2_000;

/** Slack's documented limits (50 blocks, 3000 characters per section text) and our total-size margin. */
function expectWithinBlockKit(call: SlackCall): void {
  const blocks = call.body.blocks as KnownBlock[];
  expect(blocks.length).toBeGreaterThan(0);
  expect(blocks.length).toBeLessThanOrEqual(50);
  for (const block of blocks) {
    if (block.type === 'section') expect(block.text?.text.length ?? 0).toBeLessThanOrEqual(3000);
    if (block.type === 'header') expect(block.text.text.length).toBeLessThanOrEqual(150);
  }
  expect(JSON.stringify(blocks).length).toBeLessThanOrEqual(11_000);
}

describe(`a digest for ${PROJECTS} projects`, () => {
  const clock = new TestClock('2026-03-15T07:00:00Z');
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { now: clock.now, digestTimer: false } });
    clock.follow(h);
    for (let i = 1; i <= PROJECTS; i++) {
      const project = h.openai.state.addProject({ name: `Project ${i} <!here> ${'long name '.repeat(10)}` });
      h.openai.state.addCost({ projectId: project.id, day: '2026-03-03', amount: i / 10 });
      h.openai.state.addCost({ projectId: project.id, day: '2026-03-14', amount: i / 20 });
      if (i % 2 === 0)
        h.openai.state.addSpendAlert({ projectId: project.id, thresholdAmount: i * 10, recipients: ['a@x.com'] });
    }
  });
  afterAll(() => h.close());

  it('fits Block Kit limits on demand, listing the top projects and summing the rest', async () => {
    // 2,000 projects' spend takes a while to read and sum on a busy machine.
    const reply = await askIn(h, 'CBIG', 'spend', 'UADMIN', 15_000);
    expectWithinBlockKit(reply);
    const text = messageText(reply);
    expect(text).toContain(`across ${PROJECTS} projects with spend`);
    expect(text).toContain(`…and ${PROJECTS - 10} more projects:`);
    expect(text).toContain('*Spend but no spend alert* (1000 projects,');
    expect(text).toContain('and 990 more');
    expect(JSON.stringify(reply.body.blocks)).not.toContain('<!here>');
  });

  it('fits Block Kit limits when scheduled, and so does an alert naming every project at once', async () => {
    await askIn(h, 'CBIG', 'digest subscribe daily 09:00 UTC --mute chart');
    clock.set('2026-03-15T09:00:00Z');
    const report = await h.bot.container.digests.tick();
    expect(report.digests).toHaveLength(1);
    expect(report.crossings.length).toBeGreaterThanOrEqual(PROJECTS / 2);
    const [digest] = digestsIn(h, 'CBIG');
    expectWithinBlockKit(digest as SlackCall);
    const [alert] = alertsIn(h, 'CBIG');
    expectWithinBlockKit(alert as SlackCall);
    expect(messageText(alert as SlackCall)).toContain(`Spend alert: ${PROJECTS / 2} spend alerts reached new levels`);
    expect(messageText(alert as SlackCall)).toMatch(/…and \d+ more spend alerts\./);
  });
});
