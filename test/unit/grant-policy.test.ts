import { describe, expect, it } from 'vitest';
import { formatSpan, parseDuration } from '../../src/domain/grants/duration.js';
import { accessRuleFor } from '../../src/domain/grants/grant-policy.js';
import { PolicyFileError, parsePolicy } from '../../src/policy-file.js';

const MINIMAL = 'approval_channel: C0123APPROVALS\nroles:\n  admin: [U0123ADMIN]\n';
const DAY = 86_400_000;

describe('grants section of the policy', () => {
  it('defaults to a 30-day maximum with no routing when left out of the minimal form', () => {
    expect(parsePolicy(MINIMAL).grants).toEqual({
      max_duration: 30 * DAY,
      access_requests: { roles: {}, projects: {} },
    });
  });

  it('routes by project (id or name) over role, and the shortest maximum wins', () => {
    const { grants } = parsePolicy(
      `${MINIMAL}grants:\n  max_duration: 14d\n  access_requests:\n    roles:\n      owner: {max_duration: 1d, approvals: 2}\n` +
        '    projects:\n      Vault: {max_duration: 2d, approver_role: admin, channel: C0SEC}\n',
    );
    expect(accessRuleFor(grants, { id: 'proj_1', name: 'vault' }, 'owner')).toEqual({
      max_duration: DAY,
      approvals: 2,
      approver_role: 'admin',
      channel: 'C0SEC',
    });
    expect(accessRuleFor(grants, { id: 'proj_1', name: 'Vault' }, 'member')).toMatchObject({ max_duration: 2 * DAY });
    expect(accessRuleFor(grants, { id: 'proj_2', name: 'Other' }, 'member')).toEqual({ max_duration: 14 * DAY });
  });

  it('names the offending key for a bad duration or channel', () => {
    const problems = (text: string) => {
      try {
        parsePolicy(`${MINIMAL}${text}`);
      } catch (error) {
        if (error instanceof PolicyFileError) return error.problems;
      }
      return [];
    };
    expect(problems('grants:\n  max_duration: forever\n')).toEqual([
      'grants.max_duration: must be a duration of at least 1m, such as 8h, 7d or 2w',
    ]);
    expect(problems('grants:\n  access_requests:\n    projects:\n      A: {channel: general}\n')).toEqual([
      'grants.access_requests.projects.A.channel: must be a Slack channel id such as C0123ABC',
    ]);
  });

  it('reads and shows durations', () => {
    expect([parseDuration('90m'), parseDuration('2 hours'), parseDuration('1w'), parseDuration('soon')]).toEqual([
      5_400_000,
      7_200_000,
      7 * DAY,
      undefined,
    ]);
    expect([formatSpan(5_400_000), formatSpan(DAY + 3_660_000), formatSpan(59_000)]).toEqual([
      '1h 30m',
      '1d 1h',
      'under a minute',
    ]);
  });
});
