import { useContext, useRef, useState } from 'preact/hooks';
import type { BlockKitNode, OptionObject } from '../types.js';
import { SurfaceContext } from './surface.js';
import { plain } from './text.js';

interface Props {
  node: BlockKitNode;
  blockId: string;
  dispatch: boolean;
  labelledBy?: string | undefined;
  describedBy?: string | undefined;
}

const picked = (o: OptionObject) => ({ text: { type: 'plain_text' as const, text: plain(o.text) }, value: o.value });

/**
 * A searchable select whose options come from the bot (`block_suggestion`) as the person types: an ARIA combobox
 * with a listbox, arrow keys to move, Enter to pick, Escape to close the list.
 */
export function ExternalSelect({ node, blockId, dispatch, labelledBy, describedBy }: Props) {
  const surface = useContext(SurfaceContext);
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<OptionObject[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const timer = useRef<number | undefined>(undefined);
  if (!surface) return null;
  const actionId = String(node.action_id ?? '');
  const many = node.type === 'multi_external_select';
  const id = `${surface.idPrefix}-${blockId}-${actionId}`.replace(/[^\w-]/g, '_');
  const listId = `${id}-list`;
  const current = surface.values[blockId]?.[actionId];
  const chosen = many ? (current?.selected_options ?? []) : current?.selected_option ? [current.selected_option] : [];
  const minimum = typeof node.min_query_length === 'number' ? node.min_query_length : 3;

  const search = (text: string) => {
    window.clearTimeout(timer.current);
    if (text.length < minimum) {
      setFound([]);
      return;
    }
    timer.current = window.setTimeout(() => {
      surface.suggest(actionId, blockId, text).then(
        (answer) => {
          setFound([...answer.options, ...answer.groups.flatMap((g) => g.options)]);
          setActive(0);
          setOpen(true);
        },
        () => setFound([]),
      );
    }, 200);
  };
  const choose = (option: OptionObject) => {
    const state = many
      ? { type: node.type, selected_options: [...chosen.filter((o) => o.value !== option.value), picked(option)] }
      : { type: node.type, selected_option: picked(option) };
    surface.setValue(blockId, actionId, state);
    setQuery('');
    setOpen(false);
    if (dispatch) surface.act({ ...state, action_id: actionId, block_id: blockId });
  };
  const unchoose = (value: string) =>
    surface.setValue(
      blockId,
      actionId,
      many
        ? { type: node.type, selected_options: chosen.filter((o) => o.value !== value) }
        : { type: node.type, selected_option: null },
    );
  const key = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      if (!open) search(query);
      setOpen(true);
      setActive((i) => Math.min(i + 1, Math.max(found.length - 1, 0)));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === 'Enter' && open && found[active]) {
      event.preventDefault();
      choose(found[active] as OptionObject);
    } else if (event.key === 'Escape' && open) {
      event.preventDefault();
      event.stopPropagation();
      setOpen(false);
    }
  };
  const activeId = open && found[active] ? `${listId}-${active}` : undefined;
  return (
    <div class="bk-external">
      {chosen.length ? (
        <ul class="bk-chips" aria-label="Chosen">
          {chosen.map((o) => (
            <li key={o.value}>
              {o.text.text}
              <button
                type="button"
                class="chip-remove"
                aria-label={`Remove ${o.text.text}`}
                onClick={() => unchoose(o.value)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <input
        id={id}
        class="bk-input"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={activeId}
        aria-labelledby={labelledBy}
        aria-label={labelledBy ? undefined : plain(node.placeholder) || 'Search'}
        aria-describedby={describedBy}
        placeholder={plain(node.placeholder) || 'Search'}
        autocomplete="off"
        value={query}
        onFocus={() => search(query)}
        onInput={(e) => {
          const text = (e.currentTarget as HTMLInputElement).value;
          setQuery(text);
          search(text);
        }}
        onKeyDown={key}
        onBlur={() => window.setTimeout(() => setOpen(false), 150)}
      />
      <div id={listId} role="listbox" class="bk-listbox" hidden={!open || found.length === 0}>
        {found.map((o, index) => (
          <div
            key={o.value}
            id={`${listId}-${index}`}
            role="option"
            tabIndex={-1}
            aria-selected={index === active}
            onMouseDown={(e) => {
              e.preventDefault();
              choose(o);
            }}
          >
            {plain(o.text)}
            {o.description ? <span class="option-description"> {plain(o.description)}</span> : null}
          </div>
        ))}
      </div>
    </div>
  );
}
