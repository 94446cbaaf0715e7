/** The hosted tools whose use a project can allow or forbid. */
export const HOSTED_TOOLS = ['file_search', 'web_search', 'image_generation', 'mcp', 'code_interpreter'] as const;
export type HostedTool = (typeof HOSTED_TOOLS)[number];

export type HostedToolSettings = Record<HostedTool, boolean>;

/** Per project, which hosted tools its traffic may use; every tool is allowed until changed. */
export class HostedToolBook {
  // A plain private field, not a `#` one: the organization file keeps only fields it can see.
  private readonly settings = new Map<string, HostedToolSettings>();

  clear(): void {
    this.settings.clear();
  }

  of(projectId: string): HostedToolSettings {
    const stored = this.settings.get(projectId);
    if (stored) return stored;
    return Object.fromEntries(HOSTED_TOOLS.map((tool) => [tool, true])) as HostedToolSettings;
  }

  set(projectId: string, changes: Partial<HostedToolSettings>): HostedToolSettings {
    const next = { ...this.of(projectId), ...changes };
    this.settings.set(projectId, next);
    return next;
  }
}
