import { z } from 'zod';
import type { AdminClient } from '../client.js';
import { path } from '../path.js';

/** The hosted tools a project may be allowed or forbidden to use, in the order the API lists them. */
export const HOSTED_TOOLS = ['file_search', 'web_search', 'image_generation', 'mcp', 'code_interpreter'] as const;
export type HostedTool = (typeof HOSTED_TOOLS)[number];

const permission = z.looseObject({ enabled: z.boolean() });

/** Every tool with `{enabled}`; a tool a newer or older server leaves out reads as unknown. */
export const hostedToolPermissions = z.looseObject(
  Object.fromEntries(HOSTED_TOOLS.map((tool) => [tool, permission.nullish()])) as Record<
    HostedTool,
    z.ZodOptional<z.ZodNullable<typeof permission>>
  >,
);
export type HostedToolPermissions = z.output<typeof hostedToolPermissions>;

/** Tools left out keep their setting. */
export type HostedToolChanges = Partial<Record<HostedTool, { enabled: boolean }>>;

/** `/organization/projects/{project_id}/hosted_tool_permissions`: which hosted tools a project's traffic may use. */
export function hostedToolsResource(client: AdminClient) {
  const at = (projectId: string) => path`/organization/projects/${projectId}/hosted_tool_permissions`;
  return {
    retrieve: (projectId: string) => client.request(hostedToolPermissions, { method: 'GET', path: at(projectId) }),
    /** Sets absolute values; repeating it cannot change the outcome. Answers with every tool. */
    update: (projectId: string, changes: HostedToolChanges) =>
      client.request(hostedToolPermissions, { method: 'POST', path: at(projectId), body: changes, idempotent: true }),
  };
}
