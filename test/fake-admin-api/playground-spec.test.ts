import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exchange, FakeAdminApi } from '../../src/playground/openai-org/index.js';
import { startEmulatedOrganization } from '../../src/playground/openai-org/index.js';
import { recordExchange } from '../helpers/openapi/drift-record.js';
import { ExchangeValidator } from '../helpers/openapi/exchange-validator.js';
import { ADMIN_KEY } from './fake-client.js';
import { type WalkFilters, walkGetOperations } from './spec-walk.js';

/** The reads the emulated organization serves today; the walk must reach at least these. */
const SERVED_READS = [
  'admin-api-keys-get',
  'admin-api-keys-list',
  'getCertificate',
  'Getorganizationspendlimit',
  'Getprojectspendlimit',
  'list-audit-logs',
  'list-group-role-assignments',
  'list-group-users',
  'list-groups',
  'list-invites',
  'list-organization-spend-alerts',
  'list-project-api-keys',
  'list-project-group-role-assignments',
  'list-project-groups',
  'list-project-rate-limits',
  'list-project-roles',
  'list-project-service-accounts',
  'list-project-spend-alerts',
  'list-project-user-role-assignments',
  'list-project-users',
  'list-projects',
  'list-roles',
  'list-user-role-assignments',
  'list-users',
  'listOrganizationCertificates',
  'listProjectCertificates',
  'retrieve-group',
  'retrieve-group-role',
  'retrieve-group-user',
  'retrieve-invite',
  'retrieve-organization-data-retention',
  'retrieve-organization-spend-alert',
  'retrieve-project',
  'retrieve-project-api-key',
  'retrieve-project-data-retention',
  'retrieve-project-group',
  'retrieve-project-group-role',
  'retrieve-project-hosted-tool-permissions',
  'retrieve-project-model-permissions',
  'retrieve-project-role',
  'retrieve-project-service-account',
  'retrieve-project-spend-alert',
  'retrieve-project-user',
  'retrieve-project-user-role',
  'retrieve-role',
  'retrieve-user',
  'retrieve-user-role',
  'usage-audio-speeches',
  'usage-audio-transcriptions',
  'usage-code-interpreter-sessions',
  'usage-completions',
  'usage-costs',
  'usage-embeddings',
  'usage-file-search-calls',
  'usage-images',
  'usage-moderations',
  'usage-vector-stores',
  'usage-web-search-calls',
];

const validator = new ExchangeValidator();

async function start(options: { persistFile?: string }, found: string[]): Promise<FakeAdminApi> {
  return startEmulatedOrganization({
    ...options,
    adminKey: ADMIN_KEY,
    onExchange: (exchange: Exchange) => {
      recordExchange(exchange);
      const report = validator.check(exchange);
      found.push(...report.request, ...report.response);
    },
  });
}

/** Filters with something behind them: a busy project, a person's key in it, the person and a model it calls. */
function filtersOf(api: FakeAdminApi): WalkFilters {
  const project = [...api.state.projects.values()].find((candidate) => candidate.name === 'Support Assistant');
  const key = [...(project?.apiKeys.values() ?? [])].find((candidate) => candidate.name === 'support-staging');
  if (!project || key?.owner.type !== 'user') throw new Error('the seed has no Support Assistant with a staging key');
  return {
    projectId: project.id,
    apiKeyId: key.id,
    userId: key.owner.userId,
    model: 'gpt-4o-2024-08-06',
    email: 'ada@example.com',
  };
}

describe('the seeded playground organization, read through every GET it serves', () => {
  const dir = mkdtempSync(join(tmpdir(), 'playground-spec-'));
  const violations: string[] = [];
  let api: FakeAdminApi;

  beforeAll(async () => {
    api = await start({ persistFile: join(dir, 'organization.db') }, violations);
  });
  afterAll(async () => {
    await api.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers every list (whole and page by page), every retrieve of a seeded id and every usage and costs variant as OpenAI’s document says', async () => {
    const result = await walkGetOperations(api, validator.operations, filtersOf(api), api.state.now);
    expect(result.problems).toEqual([]);
    expect([...new Set(violations)]).toEqual([]);
    expect([...result.served].sort()).toEqual(expect.arrayContaining(SERVED_READS));
    expect(result.calls).toBeGreaterThan(500);
  }, 120_000);

  it('answers every one of those reads the same after a restart on its file', async () => {
    const moment = api.state.now;
    api.state.now = moment;
    const before = await walkGetOperations(api, validator.operations, filtersOf(api), moment);
    await api.close();
    api = await start({ persistFile: join(dir, 'organization.db') }, violations);
    expect(api.state.now).toBe(moment);
    const after = await walkGetOperations(api, validator.operations, filtersOf(api), moment);
    expect(before.answers.size).toBeGreaterThan(500);
    expect(after.answers.size).toBe(before.answers.size);
    for (const [request, answer] of before.answers) expect(after.answers.get(request), request).toEqual(answer);
  }, 120_000);
});

describe('the walk over the document', () => {
  it('names each read it cannot make because the organization holds nothing to read', async () => {
    const found: string[] = [];
    const empty = await start({}, found);
    try {
      const filters = {
        projectId: 'proj_default',
        apiKeyId: 'key_bot',
        userId: 'user_1',
        model: 'gpt-4o',
        email: 'x@y.z',
      };
      const result = await walkGetOperations(empty, validator.operations, filters, empty.state.now);
      expect(result.problems).toEqual(
        expect.arrayContaining([
          'retrieve-user: the seeded organization has no {user_id} under /organization/users',
          'retrieve-invite: the seeded organization has no {invite_id} under /organization/invites',
          'retrieve-group: the seeded organization has no {group_id} under /organization/groups',
        ]),
      );
      expect(found).toEqual([]);
    } finally {
      await empty.close();
    }
  }, 60_000);
});
