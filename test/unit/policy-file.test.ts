import { describe, expect, it } from 'vitest';
import { PolicyFileError, parsePolicy } from '../../src/policy-file.js';

const problems = (text: string, names: string[] = []) => {
  try {
    parsePolicy(text, 'policy.yml', names);
  } catch (error) {
    if (error instanceof PolicyFileError) return error.problems;
    throw error;
  }
  throw new Error('expected the policy to be rejected');
};

describe('policy file', () => {
  it('accepts the minimal form with every default applied', () => {
    const policy = parsePolicy(
      'approval_channel: C0123APPROVALS\nroles:\n  admin: [U0123ADMIN]\n  approver: [U0456APPRV]\n  viewer: ["*"]\n',
    );
    expect(policy.approvals).toEqual({ expires_after: 86_400_000, required: 1, notify: 'mention' });
    expect(policy.operations).toEqual({});
  });

  it('names the offending key for bad values, unknown keys and unknown operations', () => {
    expect(problems('approval_channel: general\nroles: {}\n')).toEqual([
      'approval_channel: must be a Slack channel id such as C0123ABC',
    ]);
    expect(problems('approval_channel: C1234\nroles:\n  admin: [alice]\n')).toEqual([
      'roles.admin.0: must be a Slack user id (U…), a user group id (S…) or "*"',
    ]);
    expect(problems('approval_channel: C1234\nroles: {}\napprovers: []\n')).toEqual([
      '(top level): unknown key "approvers"',
    ]);
    expect(problems('approval_channel: C1234\nroles: {}\napprovals:\n  expires_after: soon\n')).toEqual([
      'approvals.expires_after: must be a duration such as 30m, 24h or 7d',
    ]);
    expect(
      problems('approval_channel: C1234\nroles: {}\noperations:\n  users.nuke: {approvals: 2}\n', ['users.remove']),
    ).toEqual(['operations.users.nuke: no operation is named "users.nuke" (see /openai help for names)']);
  });

  it('reads a rule under an operation name that was renamed as a rule for the operation as named now', () => {
    const policy = parsePolicy(
      'approval_channel: C1234\nroles: {}\noperations:\n  usage.completions: {channels: [C0123OPS]}\n',
      'policy.yml',
      ['usage.report'],
    );
    expect(Object.keys(policy.operations)).toEqual(['usage.report']);
  });

  it('rejects text that is not YAML', () => {
    expect(problems('approval_channel: [unclosed')[0]).toMatch(/^not valid YAML/);
  });
});
