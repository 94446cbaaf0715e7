import { createContext } from 'preact';
import type { ConfirmObject, ElementAction, ElementState, OptionObject } from '../types.js';
import type { Names } from './mrkdwn.js';

/** Where blocks are shown and what their elements can do there. */
export interface Surface {
  names: Names;
  /** A stable prefix for element ids on this surface. */
  idPrefix: string;
  /** Values of inputs (modals), by block id then action id. */
  values: Record<string, Record<string, ElementState>>;
  setValue(blockId: string, actionId: string, state: ElementState): void;
  /** Inline errors by block id (modals). */
  errors: Record<string, string>;
  /** A click or pick that goes to the bot, after the element's confirm dialog when it has one. */
  act(action: ElementAction, confirm?: ConfirmObject): void;
  /** Options of an external select for what has been typed. */
  suggest(
    actionId: string,
    blockId: string,
    value: string,
  ): Promise<{ options: OptionObject[]; groups: { label: string; options: OptionObject[] }[] }>;
}

export const SurfaceContext = createContext<Surface | undefined>(undefined);
