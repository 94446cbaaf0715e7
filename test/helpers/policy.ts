import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const USERS = {
  admin: 'UADMIN',
  admin2: 'UADMIN2',
  approver: 'UAPPROVER',
  approver2: 'UAPPROVER2',
  viewer: 'UVIEWER',
  stranger: 'USTRANGER',
} as const;

export const APPROVAL_CHANNEL = 'CAPPROVALS';

export const MINIMAL_POLICY = `approval_channel: ${APPROVAL_CHANNEL}
roles:
  admin: [${USERS.admin}, ${USERS.admin2}]
  approver: [${USERS.approver}, ${USERS.approver2}]
  viewer: [${USERS.viewer}]
`;

/** Writes a policy file into a fresh temporary directory and returns its path. */
export function writePolicy(text: string = MINIMAL_POLICY): string {
  const dir = mkdtempSync(join(tmpdir(), 'openai-bot-policy-'));
  const file = join(dir, 'policy.yml');
  writeFileSync(file, text);
  return file;
}
