import { readFile } from 'node:fs/promises';
import { parse } from 'yaml';
import { type PolicyDocument, policySchema } from './domain/policy/policy-schema.js';

/** The policy file is missing or invalid; `problems` name the offending keys. */
export class PolicyFileError extends Error {
  readonly problems: string[];
  constructor(file: string, problems: string[]) {
    super(`Invalid policy file ${file}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'PolicyFileError';
    this.problems = problems;
  }
}

/** Parses policy YAML text, naming every offending key; rule keys must name a known operation or resource. */
export function parsePolicy(text: string, file = 'policy', operationNames: readonly string[] = []): PolicyDocument {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new PolicyFileError(file, [`not valid YAML: ${(error as Error).message.split('\n')[0]}`]);
  }
  const parsed = policySchema.safeParse(withCurrentOperationNames(raw));
  if (parsed.success) {
    const unknown = unknownRuleKeys(Object.keys(parsed.data.operations), operationNames);
    if (unknown.length === 0) return parsed.data;
    throw new PolicyFileError(
      file,
      unknown.map((key) => `operations.${key}: no operation is named "${key}" (see /openai help for names)`),
    );
  }
  throw new PolicyFileError(
    file,
    parsed.error.issues.map((issue) => {
      const key = issue.path.join('.') || '(top level)';
      if (issue.code === 'unrecognized_keys')
        return `${key}: unknown key ${issue.keys.map((k) => `"${k}"`).join(', ')}`;
      return `${key}: ${issue.message}`;
    }),
  );
}

/** Operations renamed since a policy file may have been written: the old name keeps naming the same operation. */
const RENAMED_OPERATIONS: Readonly<Record<string, string>> = { 'usage.completions': 'usage.report' };

const withCurrentOperationNames = (raw: unknown): unknown => {
  if (typeof raw !== 'object' || raw === null || !('operations' in raw)) return raw ?? {};
  const { operations } = raw as { operations: unknown };
  if (typeof operations !== 'object' || operations === null) return raw;
  const renamed = Object.entries(operations).map(([key, rule]) => [RENAMED_OPERATIONS[key] ?? key, rule]);
  return { ...raw, operations: Object.fromEntries(renamed) };
};

const unknownRuleKeys = (keys: readonly string[], operationNames: readonly string[]): string[] => {
  if (operationNames.length === 0) return [];
  const resources = new Set(operationNames.map((name) => `${name.split('.')[0]}.*`));
  return keys.filter((key) => !operationNames.includes(key) && !resources.has(key));
};

/** Reads and validates the policy file. */
export async function loadPolicyFile(file: string, operationNames: readonly string[] = []): Promise<PolicyDocument> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new PolicyFileError(file, [`cannot read it: ${(error as NodeJS.ErrnoException).code ?? 'unknown error'}`]);
  }
  return parsePolicy(text, file, operationNames);
}
