import { initialState } from './block-kit/inputs.js';
import type { BlockKitNode, StateValues, ViewRecord } from './types.js';

/** A modal's `state.values` as Slack sends it: every input block, typed values over initial ones, empty as null. */
export function collectState(view: ViewRecord, typed: StateValues | undefined): StateValues {
  const values: StateValues = {};
  const blocks = Array.isArray(view.view.blocks) ? (view.view.blocks as BlockKitNode[]) : [];
  for (const [index, block] of blocks.entries()) {
    const element = block.element as BlockKitNode | undefined;
    const elements =
      block.type === 'input' && element
        ? [element]
        : block.type === 'actions'
          ? ((block.elements as BlockKitNode[]) ?? [])
          : [];
    const blockId = typeof block.block_id === 'string' ? block.block_id : `b${index}`;
    for (const el of elements) {
      if (typeof el.action_id !== 'string' || el.type === 'button') continue;
      const state = typed?.[blockId]?.[el.action_id] ?? initialState(el) ?? emptyState(el.type);
      values[blockId] = { ...values[blockId], [el.action_id]: state };
    }
  }
  return values;
}

function emptyState(type: string) {
  if (type.startsWith('multi_') || type === 'checkboxes') return { type, selected_options: [] };
  if (type.endsWith('select') || type === 'radio_buttons') return { type, selected_option: null };
  if (type === 'datepicker') return { type, selected_date: null };
  return { type, value: null };
}
