import { z } from 'zod';
import { UsageError } from '../../errors.js';
import type { Project } from '../admin-api/projects.js';
import { formatCents, parseDollars } from '../money.js';
import type { OperationDeps } from '../ports.js';
import { resolveProject } from '../resolve.js';
import type { ArgSpec } from './operation.js';

/** `<project>` as a positional argument: a project id or its exact name. */
export const projectArg: ArgSpec = {
  name: 'project',
  kind: 'positional',
  placeholder: '<project>',
  help: 'project id (proj_…) or exact name',
  input: 'project',
};

/** `--project <project>` for settings that exist for the organization and for each project. */
export const projectFlag: ArgSpec = {
  name: 'project',
  kind: 'flag',
  placeholder: '<project>',
  optional: true,
  help: 'a project (id or name) instead of the whole organization',
  input: 'project',
};

/** What is typed for a project-or-organization setting: `--project`, or nothing for the organization. */
export const scopeTypedFields = {
  project: z.string().min(1).optional(),
};

/**
 * What `resolveScope` looks up: the project's id and name, both null for the organization. Nullable rather than
 * optional, so a resolved value always says which it is.
 */
export const scopeResolvedFields = {
  projectId: z.string().nullable(),
  projectName: z.string().nullable(),
};

/** What resolving a `<project>` argument looks up: the project's id, and its name when it has one. */
export const projectResolvedFields = {
  projectId: z.string(),
  projectName: z.string().nullable(),
};

interface ScopeInput {
  project?: string | undefined;
}

interface ScopeResolved {
  projectId: string | null;
  projectName: string | null;
}

/**
 * Resolves `--project` (when given) to its id and name; without it the scope is the organization. For a change
 * (`active`), an archived project is refused up front.
 */
export async function resolveScope<I extends ScopeInput>(
  deps: OperationDeps,
  input: I,
  options: { active?: boolean } = {},
): Promise<I & ScopeResolved> {
  if (input.project === undefined) return { ...input, projectId: null, projectName: null };
  const ref = input.project;
  const project = options.active ? await resolveActiveProject(deps, ref) : await resolveProject(deps.admin, ref);
  return { ...input, projectId: project.id, projectName: project.name ?? null };
}

/** `the organization` or `project Name (proj_…)`, for replies and approval cards. */
export function scopeLabel(input: { projectId?: string | null; projectName?: string | null }): string {
  if (!input.projectId) return 'the organization';
  return input.projectName ? `project ${input.projectName} (${input.projectId})` : `project ${input.projectId}`;
}

/** Resolves a project that is about to be changed; archived projects cannot be changed, so say so up front. */
export async function resolveActiveProject(deps: OperationDeps, ref: string): Promise<Project> {
  const project = await resolveProject(deps.admin, ref);
  if (project.status === 'archived' || project.archived_at) {
    throw new UsageError(`Project ${project.name ?? project.id} is archived; archived projects cannot be changed.`);
  }
  return project;
}

/**
 * A dollar amount as typed (`$1,250.50`) turned into integer cents, refusing amounts below `minCents`. A whole
 * number is an amount already in cents: what this schema gave before, as an approved request stores it.
 */
export function dollarsAsCents(minCents: number) {
  const error = 'Give an amount in dollars, e.g. 500 or 1,250.50.';
  return z.union([z.string(), z.int()], { error }).transform((value, ctx) => {
    const parsed = typeof value === 'number' ? ({ ok: true, cents: value } as const) : parseDollars(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.message });
      return z.NEVER;
    }
    if (parsed.cents < minCents) {
      const shown = typeof value === 'number' ? formatCents(value) : value;
      ctx.addIssue({
        code: 'custom',
        message: `"${shown}" is too small; the least allowed is ${formatCents(minCents)}.`,
      });
      return z.NEVER;
    }
    return parsed.cents;
  });
}

/** An email address, lower-cased, refused with a message naming it. */
export const emailAddress = z
  .email({ error: (issue) => `"${String(issue.input)}" is not a valid email address.` })
  .transform((e) => e.toLowerCase());
