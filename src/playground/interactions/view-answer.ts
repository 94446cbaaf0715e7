import type { ViewRecord } from '../workspace/model.js';
import type { Workspace } from '../workspace/workspace.js';

/**
 * Applies the bot's answer to a `view_submission` as Slack does: nothing closes the submitted view (and any above
 * it), `errors` shows messages under the named inputs, `update` replaces the view, `push` adds one on top, `clear`
 * closes the whole stack.
 */
export function applyViewAnswer(
  workspace: Workspace,
  view: ViewRecord,
  answer: Record<string, unknown> | undefined,
): void {
  const action = answer?.response_action;
  const next = answer?.view && typeof answer.view === 'object' ? (answer.view as Record<string, unknown>) : undefined;
  if (action === 'errors' && answer?.errors && typeof answer.errors === 'object') {
    view.errors = Object.fromEntries(
      Object.entries(answer.errors as Record<string, unknown>).map(([k, v]) => [k, String(v)]),
    );
    workspace.viewChanged(view);
    return;
  }
  if (action === 'update' && next) {
    const updated = workspace.views.update(view.id, next);
    if (typeof updated !== 'string') {
      updated.state = {};
      workspace.viewChanged(updated);
    }
    return;
  }
  if (action === 'push' && next) {
    const pushed = workspace.views.push(view.userId, next);
    if (typeof pushed !== 'string') workspace.viewChanged(pushed);
    return;
  }
  const root = action === 'clear' ? workspace.views.modalsOf(view.userId)[0] : view;
  if (root) workspace.viewsClosed(workspace.views.close(root.id), view.userId);
}
