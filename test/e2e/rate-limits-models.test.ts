import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { approveCommand, writeCalls, writesTo } from '../helpers/approval-outcome.js';
import { requestApproval } from '../helpers/approvals.js';
import { type Harness, messageText, startHarness } from '../helpers/harness.js';

describe('rate limits and model permissions through the real app', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const writes = () => writeCalls(h);

  it('lists the limits of every model with units and thousands separators', async () => {
    h.openai.state.addProject({ name: 'Alpha' });
    const text = messageText(await h.ask('rate-limits list Alpha'));
    expect(text).toContain('Rate limits of project Alpha (5 models)');
    expect(text).toMatch(
      /gpt-4o\*.*10,000 requests\/min.*30,000,000 tokens\/min.*5,000,000,000 batch input tokens\/day/,
    );
    expect(text).toMatch(/dall-e-3\*.*50 images\/min/);
    expect(text).toMatch(/whisper-1\*.*100 audio MB\/min/);
  });

  it('changes a model’s limits only after approval, showing before → after per field', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const { cardText } = await approveCommand(h, 'rate-limits set Alpha gpt-4o --rpm 5,000 --tpm 2M');
    expect(cardText).toContain('requests/min: 10,000 → 5,000');
    expect(cardText).toContain('tokens/min: 30,000,000 → 2,000,000');
    expect(writes()).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/rate_limits/rl-gpt-4o`,
        body: { max_requests_per_1_minute: 5000, max_tokens_per_1_minute: 2_000_000 },
      },
    ]);
    expect(h.openai.state.projects.get(alpha.id)?.rateLimits.get('rl-gpt-4o')?.max_requests_per_1_minute).toBe(5000);
  });

  it.each([
    ['rate-limits set Alpha gpt-4o', 'Give at least one limit to change: --rpm, --tpm'],
    [
      'rate-limits set Alpha gpt-4o --rpm 0',
      '--rpm takes a whole number of 1 or more (e.g. 5000, 5,000 or 5k), not "0".',
    ],
    ['rate-limits set Alpha gpt-4o --tpm lots', '--tpm takes a whole number of 1 or more'],
    ['rate-limits set Alpha gpt-4o --rpm 1.5', '--rpm takes a whole number'],
    ['rate-limits set Alpha gpt-4o --images-per-minute 5', 'Model gpt-4o has no images/min limit to change.'],
    ['rate-limits set Alpha gpt-9 --rpm 5', 'Project Alpha has no rate limit for model "gpt-9". Its models: gpt-4o,'],
    ['rate-limits set Alpha gpt-4o --rpm 10000', 'already have these values; nothing to change.'],
    ['rate-limits set Alpha gpt-4o --rmp 5', 'Unknown option --rmp. Did you mean --rpm?'],
  ])('answers "%s" with a specific message, files nothing and changes nothing', async (command, message) => {
    h.openai.state.addProject({ name: 'Alpha' });
    const pending = async () => (await h.bot.container.store.listByState(['pending'])).length;
    const before = await pending();
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
    expect(await pending()).toBe(before);
  });

  it.each([
    ['a 200 with an empty deny-list', 'empty'],
    ['a 404', 'not_found'],
  ] as const)('says a project without a model policy may use every model, the API answering %s', async (_, answer) => {
    h.openai.state.absentSettingsAnswer = answer;
    h.openai.state.addProject({ name: 'Alpha' });
    const text = messageText(await h.ask('models show Alpha'));
    expect(text).toContain('Model permissions of project Alpha: no restriction (every model is usable)');
  });

  it('shows an existing allow-list', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.setModelPermissions(alpha.id, { mode: 'allow_list', model_ids: ['gpt-4.1', 'o3'] });
    expect(messageText(await h.ask('models show Alpha'))).toContain('allow-list: gpt-4.1, o3');
  });

  it('sets an allow-list after approval, listing the models added and removed', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.setModelPermissions(alpha.id, { mode: 'allow_list', model_ids: ['gpt-4.1', 'o3'] });
    const { cardText } = await approveCommand(h, 'models allow Alpha o3 gpt-4o-mini gpt-4o-mini');
    expect(cardText).toContain('Now: allow-list: gpt-4.1, o3');
    expect(cardText).toContain('After: allow-list: o3, gpt-4o-mini');
    expect(cardText).toContain('Models added: gpt-4o-mini');
    expect(cardText).toContain('Models removed: gpt-4.1');
    expect(writes()).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/model_permissions`,
        body: { mode: 'allow_list', model_ids: ['o3', 'gpt-4o-mini'] },
      },
    ]);
  });

  it('sets a deny-list on an unrestricted project after approval', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    const { cardText } = await approveCommand(h, `models deny ${alpha.id} dall-e-3`);
    expect(cardText).toContain('Now: no restriction (every model is usable)');
    expect(cardText).toContain('After: deny-list: dall-e-3');
    expect(cardText).toContain('Models added: dall-e-3');
    expect(writes()).toEqual([
      {
        call: `POST /organization/projects/${alpha.id}/model_permissions`,
        body: { mode: 'deny_list', model_ids: ['dall-e-3'] },
      },
    ]);
    expect(h.openai.state.projects.get(alpha.id)?.modelPermissions).toEqual({
      mode: 'deny_list',
      model_ids: ['dall-e-3'],
    });
  });

  it('clears the restriction after approval with one DELETE', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.setModelPermissions(alpha.id, { mode: 'deny_list', model_ids: ['o3'] });
    const { cardText } = await approveCommand(h, 'models clear Alpha');
    expect(cardText).toContain('Now: deny-list: o3');
    expect(cardText).toContain('Models removed: o3');
    expect(writes()).toEqual([
      { call: `DELETE /organization/projects/${alpha.id}/model_permissions`, body: undefined },
    ]);
    expect(h.openai.state.projects.get(alpha.id)?.modelPermissions).toBeNull();
  });

  it.each([
    ['models clear Alpha', 'project Alpha has no model restriction; nothing to clear.'],
    ['models allow Alpha', 'Missing <model>.'],
    ['models allow Alpha "gpt 4"', '"gpt 4" is not a model id'],
  ])('answers "%s" with a specific message and changes nothing', async (command, message) => {
    h.openai.state.addProject({ name: 'Alpha' });
    expect(messageText(await h.ask(command))).toContain(message);
    expect(writesTo(h)).toHaveLength(0);
  });

  it('refuses an allow-list identical to the current one without filing a request', async () => {
    const alpha = h.openai.state.addProject({ name: 'Alpha' });
    h.openai.state.setModelPermissions(alpha.id, { mode: 'allow_list', model_ids: ['o3'] });
    expect(messageText(await h.ask('models allow Alpha o3'))).toContain('already has exactly this allow-list');
    const { reply } = await requestApproval(h, 'models deny Alpha o3');
    expect(messageText(reply)).toContain('Sent for approval');
    expect(writesTo(h)).toHaveLength(0);
  });
});
