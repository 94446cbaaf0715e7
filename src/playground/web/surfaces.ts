import { post } from './api.js';
import type { Names } from './block-kit/mrkdwn.js';
import type { Surface } from './block-kit/surface.js';
import { addNotice } from './store.js';
import type { ConfirmObject, ElementAction, OptionObject, StateValues, ViewRecord } from './types.js';
import { collectState } from './view-state.js';

export interface SurfaceDeps {
  userId: string;
  names: Names;
  /** Shows an element's confirm dialog; `run` sends the click if the person confirms. */
  askConfirm(confirm: ConfirmObject, run: () => void): void;
  /** Typed values of each open modal, by view id. */
  typed: Map<string, StateValues>;
  onTyped(): void;
}

const report = (userId: string) => (error: unknown) =>
  addNotice(userId, error instanceof Error ? error.message : String(error));

type Suggestions = { options?: OptionObject[]; option_groups?: { label: { text: string }; options: OptionObject[] }[] };

const suggestVia =
  (userId: string, viewId: string | undefined) => async (actionId: string, blockId: string, value: string) => {
    const answer = await post<Suggestions>('suggest', { userId, viewId, actionId, blockId, value });
    return {
      options: answer?.options ?? [],
      groups: (answer?.option_groups ?? []).map((g) => ({ label: g.label.text, options: g.options })),
    };
  };

const withConfirm = (deps: SurfaceDeps, send: () => void, confirm?: ConfirmObject) =>
  confirm ? deps.askConfirm(confirm, send) : send();

/** Blocks of a message: clicks go to the bot as block actions on that message. */
export function messageSurface(deps: SurfaceDeps, messageKey: string): Surface {
  return {
    names: deps.names,
    idPrefix: messageKey.replace(/\W/g, '_'),
    values: {},
    setValue: () => undefined,
    errors: {},
    act: (action: ElementAction, confirm?: ConfirmObject) =>
      withConfirm(
        deps,
        () => void post('click', { userId: deps.userId, messageKey, action }).catch(report(deps.userId)),
        confirm,
      ),
    suggest: suggestVia(deps.userId, undefined),
  };
}

/** Blocks of a modal or Home tab: inputs keep their values here until submitted. */
export function viewSurface(deps: SurfaceDeps, view: ViewRecord): Surface {
  const values = deps.typed.get(view.id) ?? {};
  return {
    names: deps.names,
    idPrefix: view.id,
    values,
    setValue(blockId, actionId, state) {
      const block = { ...values[blockId], [actionId]: state };
      deps.typed.set(view.id, { ...values, [blockId]: block });
      deps.onTyped();
    },
    errors: view.errors,
    act: (action: ElementAction, confirm?: ConfirmObject) =>
      withConfirm(
        deps,
        () =>
          void post('click', {
            userId: deps.userId,
            viewId: view.id,
            action,
            ...(view.kind === 'modal' ? { state: collectState(view, deps.typed.get(view.id)) } : {}),
          }).catch(report(deps.userId)),
        confirm,
      ),
    suggest: suggestVia(deps.userId, view.id),
  };
}

export const submitView = (deps: SurfaceDeps, view: ViewRecord) =>
  post('submit', { userId: deps.userId, viewId: view.id, state: collectState(view, deps.typed.get(view.id)) }).catch(
    report(deps.userId),
  );

export const closeView = (deps: SurfaceDeps, view: ViewRecord) =>
  post('close', { userId: deps.userId, viewId: view.id }).catch(report(deps.userId));
