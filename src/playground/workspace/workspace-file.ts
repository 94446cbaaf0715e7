import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { WorkspaceData } from './model.js';
import type { Workspace } from './workspace.js';

/** How long changes gather before the workspace is written again. */
const WRITE_AFTER_MS = 250;

/** Reads a workspace written earlier; a missing or unreadable file starts an empty one. */
export function readWorkspaceFile(path: string | undefined): WorkspaceData | undefined {
  if (!path || !existsSync(path)) return undefined;
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as WorkspaceData;
    return data.version === 1 && Array.isArray(data.messages) ? data : undefined;
  } catch {
    return undefined;
  }
}

/** Keeps the workspace in a JSON file: written shortly after each burst of changes, and once more on `flush`. */
export function keepWorkspaceIn(path: string, workspace: Workspace): { flush(): void } {
  let timer: NodeJS.Timeout | undefined;
  const write = () => {
    clearTimeout(timer);
    timer = undefined;
    const temporary = `${path}.tmp`;
    writeFileSync(temporary, JSON.stringify(workspace.snapshot()));
    renameSync(temporary, path);
  };
  workspace.subscribe((event) => {
    if (event.type === 'notice' || timer) return;
    timer = setTimeout(write, WRITE_AFTER_MS);
    timer.unref();
  });
  return { flush: () => (timer ? write() : undefined) };
}
