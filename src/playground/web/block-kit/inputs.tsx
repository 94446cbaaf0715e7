import { useContext } from 'preact/hooks';
import type { BlockKitNode, ElementState, OptionObject } from '../types.js';
import { ExternalSelect } from './external-select.js';
import { SurfaceContext } from './surface.js';
import { plain } from './text.js';

export interface InputProps {
  node: BlockKitNode;
  blockId: string;
  /** Send each change to the bot as a block action (elements outside input blocks, `dispatch_action` inputs). */
  dispatch?: boolean;
  /** The id of the element's label, or undefined when it is named otherwise. */
  labelledBy: string | undefined;
  describedBy?: string | undefined;
  invalid?: boolean;
}

export const elementId = (prefix: string, blockId: string, node: BlockKitNode) =>
  `${prefix}-${blockId}-${String(node.action_id ?? 'el')}`.replace(/[^\w-]/g, '_');

const options = (node: BlockKitNode): OptionObject[] =>
  Array.isArray(node.options) ? (node.options as OptionObject[]) : [];
const allOptions = (node: BlockKitNode): OptionObject[] => [
  ...options(node),
  ...(Array.isArray(node.option_groups)
    ? (node.option_groups as { options: OptionObject[] }[]).flatMap((g) => g.options)
    : []),
];
const picked = (o: OptionObject) => ({ text: { type: 'plain_text' as const, text: plain(o.text) }, value: o.value });

/** What an element shows before anyone touched it (`initial_*`). */
export function initialState(node: BlockKitNode): ElementState | undefined {
  const type = node.type;
  if (typeof node.initial_value === 'string') return { type, value: node.initial_value };
  if (typeof node.initial_date === 'string') return { type, selected_date: node.initial_date };
  const option = node.initial_option as OptionObject | undefined;
  if (option?.value) return { type, selected_option: picked(option) };
  if (Array.isArray(node.initial_options))
    return { type, selected_options: (node.initial_options as OptionObject[]).map(picked) };
  return undefined;
}

/** An element of an input block (or a dispatching one elsewhere): its value lives in the surface's state. */
export function InputElement({ node, blockId, dispatch, labelledBy, describedBy, invalid }: InputProps) {
  const surface = useContext(SurfaceContext);
  if (!surface) return null;
  const actionId = String(node.action_id ?? '');
  const id = elementId(surface.idPrefix, blockId, node);
  const current = surface.values[blockId]?.[actionId] ?? initialState(node);
  const set = (state: ElementState, send = dispatch) => {
    surface.setValue(blockId, actionId, state);
    if (send) {
      surface.act({
        type: node.type,
        action_id: actionId,
        block_id: blockId,
        ...(state.value != null ? { value: state.value } : {}),
        ...(state.selected_option ? { selected_option: state.selected_option } : {}),
        ...(state.selected_options ? { selected_options: state.selected_options } : {}),
        ...(state.selected_date ? { selected_date: state.selected_date } : {}),
      });
    }
  };
  const common = {
    id,
    'aria-labelledby': labelledBy,
    'aria-describedby': describedBy,
    'aria-invalid': invalid ? ('true' as const) : undefined,
    placeholder: plain(node.placeholder) || undefined,
  };
  const typed = (event: Event) =>
    set({ type: node.type, value: (event.currentTarget as HTMLInputElement).value }, false);
  const committed = (event: Event) =>
    dispatch && set({ type: node.type, value: (event.currentTarget as HTMLInputElement).value });
  switch (node.type) {
    case 'plain_text_input':
      return node.multiline === true ? (
        <textarea
          class="bk-input"
          rows={3}
          {...common}
          value={current?.value ?? ''}
          onInput={typed}
          onChange={committed}
        />
      ) : (
        <input
          class="bk-input"
          type="text"
          {...common}
          value={current?.value ?? ''}
          onInput={typed}
          onChange={committed}
        />
      );
    case 'email_text_input':
    case 'url_text_input':
    case 'number_input':
      return (
        <input
          class="bk-input"
          type={
            (node.type === 'email_text_input' ? 'email' : node.type === 'url_text_input' ? 'url' : 'text') as 'text'
          }
          inputMode={node.type === 'number_input' ? 'decimal' : undefined}
          {...common}
          value={current?.value ?? ''}
          onInput={typed}
          onChange={committed}
        />
      );
    case 'datepicker':
      return (
        <input
          class="bk-input"
          type="date"
          {...common}
          value={current?.selected_date ?? ''}
          onChange={(e) => set({ type: node.type, selected_date: (e.currentTarget as HTMLInputElement).value })}
        />
      );
    case 'static_select':
    case 'multi_static_select': {
      const many = node.type === 'multi_static_select';
      const chosen = new Set(
        many ? (current?.selected_options ?? []).map((o) => o.value) : [current?.selected_option?.value ?? ''],
      );
      const change = (event: Event) => {
        const select = event.currentTarget as HTMLSelectElement;
        const values = [...select.selectedOptions].map((o) => o.value);
        const found = allOptions(node)
          .filter((o) => values.includes(o.value))
          .map(picked);
        set(
          many ? { type: node.type, selected_options: found } : { type: node.type, selected_option: found[0] ?? null },
        );
      };
      return (
        <select class="bk-select" multiple={many} {...common} onChange={change}>
          {many ? null : (
            <option value="" disabled selected={chosen.has('')}>
              {plain(node.placeholder) || 'Choose one'}
            </option>
          )}
          {options(node).map((o) => (
            <option key={o.value} value={o.value} selected={chosen.has(o.value)}>
              {plain(o.text)}
            </option>
          ))}
          {(Array.isArray(node.option_groups)
            ? (node.option_groups as { label: unknown; options: OptionObject[] }[])
            : []
          ).map((g) => (
            <optgroup key={plain(g.label)} label={plain(g.label)}>
              {g.options.map((o) => (
                <option key={o.value} value={o.value} selected={chosen.has(o.value)}>
                  {plain(o.text)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      );
    }
    case 'external_select':
    case 'multi_external_select':
      return (
        <ExternalSelect
          node={node}
          blockId={blockId}
          dispatch={dispatch === true}
          labelledBy={labelledBy}
          describedBy={describedBy}
        />
      );
    case 'checkboxes':
    case 'radio_buttons': {
      const many = node.type === 'checkboxes';
      const chosen = new Set(
        many ? (current?.selected_options ?? []).map((o) => o.value) : [current?.selected_option?.value],
      );
      const toggle = (option: OptionObject, on: boolean) => {
        if (!many) return set({ type: node.type, selected_option: picked(option) });
        const next = allOptions(node).filter((o) => (o.value === option.value ? on : chosen.has(o.value)));
        set({ type: node.type, selected_options: next.map(picked) });
      };
      return (
        <div class="bk-choices" id={id} aria-describedby={describedBy}>
          {options(node).map((o) => (
            <label key={o.value} class="bk-choice">
              <input
                type={many ? 'checkbox' : 'radio'}
                name={id}
                checked={chosen.has(o.value)}
                onChange={(e) => toggle(o, (e.currentTarget as HTMLInputElement).checked)}
              />
              {plain(o.text)}
            </label>
          ))}
        </div>
      );
    }
    default:
      return <span class="bk-unsupported">[{node.type}]</span>;
  }
}
