import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startTestPlayground } from '../helpers/playground.js';

const dataDir = mkdtempSync(join(tmpdir(), 'playground-restart-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const digests = (texts: string[]) => texts.filter((text) => text.startsWith('Spend digest')).length;

describe('a restarted playground', () => {
  it('carries on where it stopped: the conversation, the organization and the digest already sent', async () => {
    const first = await startTestPlayground(dataDir);
    try {
      const sent = await first.consoleAction('send', {
        userId: 'UPLAYADMIN',
        channel: 'CPLAYOPS',
        text: '/openai invite keep@example.com reader',
      });
      expect(sent.status).toBe(204);
      await expect
        .poll(() => first.workspace.messages.all().some((m) => m.text.includes('keep@example.com')), {
          timeout: 10_000,
        })
        .toBe(true);
      expect(digests(first.workspace.messages.all().map((m) => m.text))).toBe(1);
    } finally {
      await first.close();
    }

    const second = await startTestPlayground(dataDir);
    try {
      const texts = second.workspace.messages.all().map((m) => m.text);
      expect(texts.some((text) => text.includes('keep@example.com'))).toBe(true);
      expect([...second.organization.state.invites.values()].map((i) => i.email)).toContain('keep@example.com');
      expect(digests(texts)).toBe(1);
    } finally {
      await second.close();
    }
  });
});
