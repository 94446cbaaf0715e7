import { describe, expect, it } from 'vitest';
import { signatureProblem } from '../../src/slack/signed-requests.js';
import { SIGNING_SECRET, sign } from '../helpers/slack-requests.js';

describe('the check that a request is signed by Slack', () => {
  const now = 1_700_000_000;
  const body = 'command=%2Fopenai&text=users+list';
  const signed = (overrides: { body?: string; timestamp?: number; secret?: string } = {}) => {
    const timestamp = overrides.timestamp ?? now;
    return {
      signature: sign(overrides.body ?? body, timestamp, overrides.secret),
      timestamp: String(timestamp),
      body,
    };
  };

  it('accepts a body signed with the signing secret at about the time it arrives', () => {
    expect(signatureProblem(SIGNING_SECRET, signed(), now)).toBeUndefined();
    expect(signatureProblem(SIGNING_SECRET, signed({ timestamp: now - 299 }), now)).toBeUndefined();
  });

  it('refuses another secret’s signature, and a signature of another body', () => {
    expect(signatureProblem(SIGNING_SECRET, signed({ secret: 'another-secret' }), now)).toBe('signature mismatch');
    expect(signatureProblem(SIGNING_SECRET, signed({ body: 'text=other' }), now)).toBe('signature mismatch');
  });

  it('refuses a timestamp more than five minutes off, in the past or in the future', () => {
    expect(signatureProblem(SIGNING_SECRET, signed({ timestamp: now - 301 }), now)).toMatch(/five minutes/);
    expect(signatureProblem(SIGNING_SECRET, signed({ timestamp: now + 301 }), now)).toMatch(/five minutes/);
  });

  it('refuses missing, repeated or malformed headers without computing anything from them', () => {
    const good = signed();
    expect(signatureProblem(SIGNING_SECRET, { ...good, signature: undefined }, now)).toBeDefined();
    expect(signatureProblem(SIGNING_SECRET, { ...good, timestamp: undefined }, now)).toBeDefined();
    expect(signatureProblem(SIGNING_SECRET, { ...good, signature: [good.signature as string] }, now)).toBeDefined();
    expect(signatureProblem(SIGNING_SECRET, { ...good, timestamp: 'soon' }, now)).toMatch(/not a number/);
    expect(signatureProblem(SIGNING_SECRET, { ...good, timestamp: '' }, now)).toMatch(/not a number/);
    const v1 = (good.signature as string).replace(/^v0=/, 'v1=');
    expect(signatureProblem(SIGNING_SECRET, { ...good, signature: v1 }, now)).toBe('unknown signature version');
    const cut = (good.signature as string).slice(0, -2);
    expect(signatureProblem(SIGNING_SECRET, { ...good, signature: cut }, now)).toBe('signature mismatch');
    expect(signatureProblem(SIGNING_SECRET, { ...good, signature: 'v0=' }, now)).toBe('signature mismatch');
  });
});
