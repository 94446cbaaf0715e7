import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as emulation from '../../src/playground/openai-org/index.js';
import * as wrapper from '../helpers/fake-admin-api/index.js';
import { importsOf } from '../helpers/import-graph.js';
import { takeViolations } from '../helpers/openapi/drift-record.js';

const ROOT = join(import.meta.dirname, '..', '..');
const WRAPPER_DIR = 'test/helpers/fake-admin-api';

describe('the test suite’s fake Admin API', () => {
  it('is the emulated organization itself: every export of the emulation is the very same object in the wrapper', () => {
    const emulated = Object.entries(emulation);
    expect(emulated.map(([name]) => name)).toEqual(
      expect.arrayContaining(['startEmulatedOrganization', 'FakeState', 'seedPlaygroundOrganization']),
    );
    const wrapped = new Map(Object.entries(wrapper));
    for (const [name, value] of emulated) expect(wrapped.get(name), name).toBe(value);
  });

  it('adds nothing but the spec check: one file importing only the emulation and the exchange recorder', () => {
    expect(readdirSync(join(ROOT, WRAPPER_DIR))).toEqual(['index.ts']);
    expect([...new Set(importsOf(ROOT, `${WRAPPER_DIR}/index.ts`))].sort()).toEqual([
      '../../../src/playground/openai-org/index.js',
      '../openapi/drift-record.js',
    ]);
  });

  it('starts the emulation with every option passed through and each exchange checked against the document', async () => {
    const seen: string[] = [];
    const api = await wrapper.startFakeAdminApi({
      adminKey: 'sk-admin-wrapped',
      onExchange: (e) => seen.push(e.rawPath),
    });
    try {
      expect(api.state).toBeInstanceOf(emulation.FakeState);
      expect(api.state.adminKey).toBe('sk-admin-wrapped');
      await fetch(`${api.url}/organization/users`, { headers: { authorization: 'Bearer sk-admin-wrapped' } });
      expect(seen).toEqual(['/organization/users']);
    } finally {
      await api.close();
    }
    const checked = await wrapper.startFakeAdminApi();
    try {
      await fetch(`${checked.url}/organization/users?emails%5B%5D=a%40x.com`, {
        headers: { authorization: 'Bearer sk-admin-test-key' },
      });
      expect(takeViolations()).toEqual([
        'GET /organization/users (list-users): query parameter "emails[]" is not in the document',
      ]);
    } finally {
      await checked.close();
    }
  });
});
