import type { Workspace } from '../workspace.js';

/** A Web API method: the workspace and the call's arguments in, Slack's JSON answer out. */
export type Method = (workspace: Workspace, args: Record<string, unknown>) => Record<string, unknown>;

export const fail = (error: string, extra: Record<string, unknown> = {}) => ({ ok: false, error, ...extra });

export const str = (value: unknown): string | undefined =>
  typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : undefined;

/** Block Kit arrays as the Web API accepts them: an array, or a JSON string of one. */
export function blocksOf(value: unknown): unknown[] | undefined | 'invalid' {
  if (value === undefined || value === null || value === '') return undefined;
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return Array.isArray(parsed) ? parsed : 'invalid';
}

export function objectOf(value: unknown): Record<string, unknown> | undefined {
  const parsed = typeof value === 'string' ? safeJson(value) : value;
  return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
    ? (parsed as Record<string, unknown>)
    : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
