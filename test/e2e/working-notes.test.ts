import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

const WORKING = 'Working on it…';

describe('a private "Working on it…" for slow commands', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const responses = (id: string) => h.slack.callsTo(`response:${id}`).map((c) => c.body);

  it('shows the note at once and replaces it with the answer for a slow report', async () => {
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
    const sent = await h.command('models show Quick');
    const answer = await h.slack.waitForResponse(sent.responseId);
    expect(answer.body.text).not.toBe(WORKING);
    expect(answer.body.replace_original).toBe(false);
  });

  it('replaces the note with the refusal when the policy forbids the slow command', async () => {
    const sent = await h.command('audit', USERS.stranger);
    const answer = await h.slack.waitForAnswer(sent.responseId);
    expect(responses(sent.responseId)[0]).toMatchObject({ text: WORKING });
    expect(answer.body.replace_original).toBe(true);
    expect(JSON.stringify(answer.body)).toContain('not allowed');
    expect(JSON.stringify(h.slack.shownVia(sent.responseId))).not.toContain(WORKING);
  });

  it('posts a channel-wide digest and removes the note, leaving only the digest', async () => {
    const sent = await h.command('spend');
    await h.slack.waitFor(
      { index: 0 },
      (c) => c.method === `response:${sent.responseId}` && c.body.response_type === 'in_channel',
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
