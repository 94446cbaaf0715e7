import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type FakeAdminApi, startFakeAdminApi } from '../helpers/fake-admin-api/index.js';
import { clientFor } from './fake-client.js';

let api: FakeAdminApi;
let client: ReturnType<typeof clientFor>;

beforeAll(async () => {
  api = await startFakeAdminApi();
  client = clientFor(api);
});
beforeEach(() => api.reset());
afterAll(async () => {
  await api.close();
});

const alert = (threshold: unknown, overrides: Record<string, unknown> = {}) => ({
  threshold_amount: threshold,
  currency: 'USD',
  interval: 'month',
  notification_channel: { type: 'email', recipients: ['finance@example.com'] },
  ...overrides,
});

describe('spend alerts', () => {
  for (const [level, base, object] of [
    ['organization', '/organization/spend_alerts', 'organization.spend_alert'],
    ['project', '/organization/projects/proj_default/spend_alerts', 'project.spend_alert'],
  ] as const) {
    it(`creates, replaces, retrieves and deletes ${level} alerts`, async () => {
      const created = await client.post(base, alert(100_000));
      expect(created.body).toEqual({
        id: 'alert_1',
        object,
        ...alert(100_000),
        notification_channel: { type: 'email', recipients: ['finance@example.com'], subject_prefix: null },
      });
      const partial = await client.post(`${base}/alert_1`, { threshold_amount: 5 });
      expect(partial.body.error).toMatchObject({ param: 'currency', code: 'missing_required_parameter' });
      const replaced = await client.post(
        `${base}/alert_1`,
        alert(250_000, { notification_channel: { type: 'email', recipients: ['a@x.com'], subject_prefix: '[ops]' } }),
      );
      expect(replaced.body).toMatchObject({
        threshold_amount: 250_000,
        notification_channel: { subject_prefix: '[ops]' },
      });
      expect((await client.get(`${base}/alert_1`)).body.threshold_amount).toBe(250_000);
      expect((await client.del(`${base}/alert_1`)).body).toEqual({
        id: 'alert_1',
        object: `${object}.deleted`,
        deleted: true,
      });
      expect((await client.get(`${base}/alert_1`)).status).toBe(404);
    });
  }

  it('rejects non-integer cents, other currencies, intervals and channel shapes', async () => {
    const base = '/organization/spend_alerts';
    const cases: [unknown, string][] = [
      [alert(10.5), 'threshold_amount'],
      [alert('1000'), 'threshold_amount'],
      [alert(-1), 'threshold_amount'],
      [alert(100, { currency: 'usd' }), 'currency'],
      [alert(100, { interval: 'week' }), 'interval'],
      [alert(100, { notification_channel: { type: 'slack', recipients: [] } }), 'notification_channel.type'],
      [alert(100, { notification_channel: { type: 'email' } }), 'notification_channel.recipients'],
      [
        alert(100, { notification_channel: { type: 'email', recipients: ['nope'] } }),
        'notification_channel.recipients[0]',
      ],
    ];
    for (const [body, param] of cases) {
      const reply = await client.post(base, body);
      expect(reply.status).toBe(400);
      expect(reply.body.error).toMatchObject({ type: 'invalid_request_error', param });
    }
    expect(api.state.orgSpendAlerts.size).toBe(0);
  });

  it('pages alerts with order, after and before', async () => {
    for (const amount of [1, 2, 3, 4]) api.state.addSpendAlert({ thresholdAmount: amount, recipients: [] });
    const desc = await client.get('/organization/spend_alerts?order=desc&limit=3');
    expect(desc.body).toMatchObject({ first_id: 'alert_4', last_id: 'alert_2', has_more: true });
    const next = await client.get('/organization/spend_alerts?order=desc&limit=3&after=alert_2');
    expect(next.body).toMatchObject({ first_id: 'alert_1', has_more: false });
    const before = await client.get('/organization/spend_alerts?limit=2&before=alert_4');
    expect(before.body).toMatchObject({ first_id: 'alert_2', last_id: 'alert_3', has_more: true });
  });
});

describe('spend limits', () => {
  const unset = (level: string) => ({
    object: `${level}.spend_limit`,
    threshold_amount: 0,
    currency: 'USD',
    interval: 'month',
    enforcement: { status: 'inactive' },
  });

  it('answers a zero limit while unset, sets and reports enforcement from month-to-date cost, then deletes', async () => {
    api.state.now = Date.UTC(2026, 5, 20) / 1000;
    const path = '/organization/projects/proj_default/spend_limit';
    expect((await client.get(path)).body).toEqual(unset('project'));
    expect((await client.post(path, { threshold_amount: 0, currency: 'USD', interval: 'month' })).body.error.code).toBe(
      'integer_below_min_value',
    );
    const set = await client.post(path, { threshold_amount: 5_000, currency: 'USD', interval: 'month' });
    expect(set.body).toEqual({
      object: 'project.spend_limit',
      threshold_amount: 5_000,
      currency: 'USD',
      interval: 'month',
      enforcement: { status: 'inactive' },
    });
    api.state.addCost({ projectId: 'proj_default', day: '2026-06-10', amount: 50 });
    expect((await client.get(path)).body.enforcement.status).toBe('enforcing');
    expect((await client.del(path)).body).toEqual({ object: 'project.spend_limit.deleted', deleted: true });
    expect((await client.get(path)).body).toEqual(unset('project'));
  });

  it('answers 404 while unset when made to, as some servers do', async () => {
    api.state.absentSettingsAnswer = 'not_found';
    const path = '/organization/projects/proj_default/spend_limit';
    expect((await client.get(path)).status).toBe(404);
    expect((await client.del(path)).status).toBe(404);
  });

  it('keeps the organization limit separate', async () => {
    await client.post('/organization/spend_limit', { threshold_amount: 1, currency: 'USD', interval: 'month' });
    expect((await client.get('/organization/spend_limit')).body.object).toBe('organization.spend_limit');
    expect((await client.get('/organization/projects/proj_default/spend_limit')).body).toEqual(unset('project'));
  });
});

describe('data retention', () => {
  it('uses the organization and project enums', async () => {
    expect((await client.get('/organization/projects/proj_default/data_retention')).body).toEqual({
      object: 'project.data_retention',
      type: 'organization_default',
    });
    const org = await client.post('/organization/data_retention', { retention_type: 'zero_data_retention' });
    expect(org.body).toEqual({ object: 'organization.data_retention', type: 'zero_data_retention' });
    expect((await client.post('/organization/data_retention', { retention_type: 'none' })).status).toBe(400);
    const project = await client.post('/organization/projects/proj_default/data_retention', { retention_type: 'none' });
    expect(project.body.type).toBe('none');
  });
});
