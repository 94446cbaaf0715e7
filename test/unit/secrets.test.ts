import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { emailOrMention, mentionedUserId } from '../../src/domain/member-ref.js';
import { createBotKeyCheck, redactedFormMatches } from '../../src/domain/secrets/bot-key.js';
import type { SecretOffer } from '../../src/domain/secrets/ports.js';
import { SecretCipher } from '../../src/domain/secrets/secret-cipher.js';
import { deliveryNotes, StoreSecretVault, vaultFor } from '../../src/domain/secrets/secret-vault.js';
import { UsageError } from '../../src/errors.js';
import { createStore } from '../../src/storage/create-store.js';
import type { Store } from '../../src/storage/store.js';

const ADMIN_KEY = 'sk-admin-unit-test-key-0123456789abcdef';
const VALUE = 'sk-svcacct-THE-SECRET-VALUE-0123456789';

describe('SecretCipher', () => {
  const cipher = new SecretCipher(ADMIN_KEY);

  it('round-trips with the same key and context, and never repeats a ciphertext', () => {
    const a = cipher.seal(VALUE, 'sec_1:U1');
    const b = cipher.seal(VALUE, 'sec_1:U1');
    expect(a).not.toBe(b);
    expect(a).not.toContain(VALUE);
    expect(a).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(cipher.open(a, 'sec_1:U1')).toBe(VALUE);
    expect(new SecretCipher(ADMIN_KEY).open(b, 'sec_1:U1')).toBe(VALUE);
  });

  it('refuses another context, another admin key and a tampered ciphertext', () => {
    const sealed = cipher.seal(VALUE, 'sec_1:U1');
    expect(() => cipher.open(sealed, 'sec_1:U2')).toThrow();
    expect(() => new SecretCipher('sk-admin-some-other-key-000000').open(sealed, 'sec_1:U1')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[4] ?? '', 'base64url');
    body[0] = (body[0] ?? 0) ^ 1;
    parts[4] = body.toString('base64url');
    expect(() => cipher.open(parts.join('.'), 'sec_1:U1')).toThrow();
    expect(() => cipher.open('plain text', 'sec_1:U1')).toThrow('Unrecognised secret envelope.');
  });
});

describe('recognising the bot key from its redacted form', () => {
  it.each([
    ['sk-admin...def', true],
    ['sk-admin…def', true],
    ['sk-admin-...cdef', true],
    ['sk-adm****bcdef', true],
    ['sk-admin...xyz', false],
    ['sk-proj-...def', false],
    ['sk-admin...f', false],
    ['...def', true],
    ['no mask at all', false],
    [ADMIN_KEY, false],
  ])('%s → %s', (redacted, expected) => {
    expect(redactedFormMatches(ADMIN_KEY, redacted)).toBe(expected);
  });

  it('treats a missing redacted value as not the bot key', () => {
    const check = createBotKeyCheck(ADMIN_KEY);
    expect(check.isBotKey(null)).toBe(false);
    expect(check.isBotKey(undefined)).toBe(false);
    expect(check.isBotKey('sk-admin...def')).toBe(true);
  });
});

describe('mentions where an email is expected', () => {
  it('reads the user id of a mention and nothing else', () => {
    expect(mentionedUserId('<@U123>')).toBe('U123');
    expect(mentionedUserId('<@W9|alice>')).toBe('W9');
    expect(mentionedUserId('alice@x.com')).toBeUndefined();
    expect(mentionedUserId('<#C1>')).toBeUndefined();
  });

  it('accepts emails (lower-cased) and mentions, naming anything else', () => {
    expect(emailOrMention.parse(' Bob@X.com ')).toBe('bob@x.com');
    expect(emailOrMention.parse('<@U123>')).toBe('<@U123>');
    expect(emailOrMention.safeParse('bob').error?.issues[0]?.message).toBe('"bob" is not a valid email address.');
  });
});

describe('StoreSecretVault on a real SQLite store', () => {
  let store: Store;
  let nowMs: number;
  let offers: SecretOffer[];
  let failOffer: boolean;
  const vault = () =>
    new StoreSecretVault({
      store,
      cipher: new SecretCipher(ADMIN_KEY),
      now: () => new Date(nowMs),
      courier: {
        async offer(offer) {
          if (failOffer) throw new Error('channel_not_found');
          offers.push(offer);
        },
      },
    });

  beforeEach(async () => {
    store = await createStore('sqlite::memory:');
    nowMs = Date.UTC(2026, 0, 1);
    offers = [];
    failOffer = false;
  });
  afterEach(() => store.close());

  const showNothing = async () => {
    throw new Error('nothing should be shown');
  };

  it('stores only ciphertext, offers the owner a reveal, and reveals once', async () => {
    const receipt = await vault().deliver({ ownerUserId: 'U1', title: 'Key key_1', value: VALUE });
    expect(receipt).toEqual({ delivered: true, expiresAt: nowMs + 15 * 60_000, validMinutes: 15 });
    const [offer] = offers;
    expect(offer).toMatchObject({ ownerUserId: 'U1', title: 'Key key_1', expiresAt: receipt.expiresAt });
    expect(JSON.stringify(offer)).not.toContain(VALUE);
    const id = offer?.secretId ?? '';
    expect(await vault().reveal('U2', id, showNothing)).toMatchObject({ kind: 'refused' });
    const shown: unknown[] = [];
    const show = async (secret: unknown) => {
      shown.push(secret);
    };
    expect(await vault().reveal('U1', id, show)).toEqual({ kind: 'revealed', title: 'Key key_1' });
    expect(shown).toEqual([{ title: 'Key key_1', value: VALUE }]);
    expect(await vault().reveal('U1', id, showNothing)).toMatchObject({ kind: 'refused' });
  });

  it('refuses after the time to reveal has passed, and purges what nobody revealed', async () => {
    await vault().deliver({ ownerUserId: 'U1', title: 'a', value: VALUE });
    await vault().deliver({ ownerUserId: 'U1', title: 'b', value: VALUE });
    nowMs += 15 * 60_000;
    expect(await vault().reveal('U1', offers[0]?.secretId ?? '', showNothing)).toMatchObject({ kind: 'refused' });
    expect(await vault().purgeExpired()).toBe(1);
    expect(await vault().reveal('U1', offers[1]?.secretId ?? '', showNothing)).toMatchObject({ kind: 'refused' });
  });

  it('keeps nothing and says so when the owner cannot be told', async () => {
    failOffer = true;
    const receipt = await vault().deliver({ ownerUserId: 'U1', title: 'a', value: VALUE });
    expect(receipt.delivered).toBe(false);
    expect(deliveryNotes(receipt, 'delete it')[0]).toContain('the value is lost; delete it.');
    expect(await store.purgeSecrets(Number.MAX_SAFE_INTEGER)).toBe(0);
  });

  it('puts the secret back, unchanged, when it could not be shown', async () => {
    await vault().deliver({ ownerUserId: 'U1', title: 'Key key_2', value: VALUE });
    const id = offers[0]?.secretId ?? '';
    expect(await vault().reveal('U1', id, showNothing)).toMatchObject({ kind: 'kept' });
    const shown: string[] = [];
    const show = async (secret: { value: string }) => {
      shown.push(secret.value);
    };
    expect(await vault().reveal('U1', id, show)).toEqual({ kind: 'revealed', title: 'Key key_2' });
    expect(shown).toEqual([VALUE]);
  });

  it('refuses ids that are not secret ids without touching the store', async () => {
    expect(await vault().reveal('U1', "sec_1' OR 1=1", showNothing)).toMatchObject({ kind: 'refused' });
  });

  it('creates keys only for a person in Slack', () => {
    const deps: Parameters<typeof vaultFor>[0] = {
      admin: {} as never,
      store,
      now: () => new Date(nowMs),
      secrets: vault(),
    };
    expect(() => vaultFor(deps, { userId: 'cli:ops', source: 'cli' })).toThrow(UsageError);
    expect(() => vaultFor({ ...deps, secrets: undefined }, { userId: 'U1', source: 'slack' })).toThrow(UsageError);
    expect(vaultFor(deps, { userId: 'U1', source: 'slack' })).toBe(deps.secrets);
  });
});
