import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const WORKING = 'Working on it…';
/** The Admin API's delay in the tests of a slow answer: far longer than the note's, so the note always comes first. */
const SLOW_MS = 800;

describe('a private "Working on it…" for slow commands that take a while', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { workingNoteAfterMs: 50 } });
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const responses = (id: string) => h.slack.callsTo(`response:${id}`).map((c) => c.body);

  it('shows the note while a slow report is being read and replaces it with the answer', async () => {
    h.openai.setDelay(SLOW_MS);
    const sent = await h.command('costs --since 30d');
    const answer = await h.slack.waitForAnswer(sent.responseId);
    const [note, ...rest] = responses(sent.responseId);
    expect(note).toMatchObject({ text: WORKING, response_type: 'ephemeral', replace_original: false });
    expect(rest[0]).toBe(answer.body);
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    const shown = h.slack.shownVia(sent.responseId);
    expect(shown).toHaveLength(1);
    expect(JSON.stringify(shown)).not.toContain(WORKING);
  });

  it('shows no note for a quick command, so its answer is the only message', async () => {
    h.openai.state.addProject({ name: 'Quick' });
    h.openai.setDelay(SLOW_MS);
    const sent = await h.command('models show Quick');
    const answer = await h.slack.waitForResponse(sent.responseId);
    expect(answer.body.text).not.toBe(WORKING);
    expect(answer.body.replace_original).toBe(false);
  });

  it('replaces the note with the error when the Admin API fails a slow command after a while', async () => {
    h.openai.setDelay(SLOW_MS);
    h.openai.fail({ method: 'GET', path: '/organization/audit_logs', status: 400 });
    const sent = await h.command('audit', USERS.viewer);
    const answer = await h.slack.waitForAnswer(sent.responseId, 10_000);
    expect(responses(sent.responseId)[0]).toMatchObject({ text: WORKING });
    expect(answer.body.replace_original).toBe(true);
    expect(JSON.stringify(answer.body)).toContain('HTTP 400');
    expect(JSON.stringify(h.slack.shownVia(sent.responseId))).not.toContain(WORKING);
  });

  it('posts a channel-wide digest and removes the note, leaving only the digest', async () => {
    h.openai.setDelay(SLOW_MS);
    const sent = await h.command('spend');
    await h.slack.waitFor(
      { index: 0 },
      (c) => c.method === `response:${sent.responseId}` && c.body.response_type === 'in_channel',
      10_000,
    );
    const bodies = responses(sent.responseId);
    expect(bodies[0]).toMatchObject({ text: WORKING });
    expect(bodies[1]).toEqual({ delete_original: true });
    expect(bodies[2]).toMatchObject({ response_type: 'in_channel' });
    const shown = h.slack.shownVia(sent.responseId);
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ response_type: 'in_channel' });
  });
});

describe('a slow command answered quickly', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ start: { workingNoteAfterMs: 60_000 } });
  });
  afterAll(() => h.close());

  it('gets its answer as the only message, with no note before it', async () => {
    const sent = await h.command('costs --since 30d');
    const answer = await h.slack.waitForResponse(sent.responseId);
    expect(answer.body.text).not.toBe(WORKING);
    expect(answer.body.replace_original).toBe(false);
    await h.bot.container.inFlight.drain(5_000);
    expect(h.slack.callsTo(`response:${sent.responseId}`)).toHaveLength(1);
  });

  it('gets a refusal by the policy as the only message', async () => {
    const sent = await h.command('audit', USERS.stranger);
    const answer = await h.slack.waitForResponse(sent.responseId);
    expect(JSON.stringify(answer.body)).toContain('not allowed');
    expect(answer.body.replace_original).toBe(false);
    expect(h.slack.callsTo(`response:${sent.responseId}`)).toHaveLength(1);
  });
});
