import { useContext, useState } from 'preact/hooks';
import type { BlockKitNode, ConfirmObject, OptionObject } from '../types.js';
import { ExternalSelect } from './external-select.js';
import { InputElement } from './inputs.js';
import { SurfaceContext } from './surface.js';
import { plain } from './text.js';

const optionsOf = (node: BlockKitNode): OptionObject[] =>
  Array.isArray(node.options) ? (node.options as OptionObject[]) : [];
const groupsOf = (node: BlockKitNode): { label: unknown; options: OptionObject[] }[] =>
  Array.isArray(node.option_groups) ? (node.option_groups as { label: unknown; options: OptionObject[] }[]) : [];
const confirmOf = (node: BlockKitNode) => (node.confirm as ConfirmObject | undefined) ?? undefined;
const selected = (option: OptionObject) => ({
  text: { type: 'plain_text' as const, text: plain(option.text) },
  value: option.value,
});

/** A button: named by its label; an `accessibility_label` describes it further. */
function Button({ node, blockId }: { node: BlockKitNode; blockId: string }) {
  const surface = useContext(SurfaceContext);
  const label = plain(node.text);
  const describedBy =
    typeof node.accessibility_label === 'string' ? `${surface?.idPrefix}-${blockId}-${node.action_id}-d` : undefined;
  const style = node.style === 'primary' || node.style === 'danger' ? node.style : 'default';
  const url = typeof node.url === 'string' && /^https?:/i.test(node.url) ? node.url : undefined;
  const click = () =>
    surface?.act(
      {
        type: 'button',
        action_id: String(node.action_id ?? ''),
        block_id: blockId,
        ...(typeof node.value === 'string' ? { value: node.value } : {}),
        text: { type: 'plain_text', text: label },
      },
      confirmOf(node),
    );
  return (
    <>
      <button type="button" class={`bk-button ${style}`} onClick={click} aria-describedby={describedBy}>
        {label}
      </button>
      {describedBy ? (
        <span id={describedBy} class="visually-hidden">
          {String(node.accessibility_label)}
        </span>
      ) : null}
      {url ? (
        <a class="visually-hidden" href={url} target="_blank" rel="noopener noreferrer">
          {label} (link)
        </a>
      ) : null}
    </>
  );
}

/** A static select outside an input block: picking an option goes to the bot at once. */
function ActionSelect({ node, blockId }: { node: BlockKitNode; blockId: string }) {
  const surface = useContext(SurfaceContext);
  const options = [...optionsOf(node), ...groupsOf(node).flatMap((g) => g.options)];
  const initial = (node.initial_option as OptionObject | undefined)?.value ?? '';
  const [value, setValue] = useState(initial);
  const change = (event: Event) => {
    const picked = options.find((o) => o.value === (event.currentTarget as HTMLSelectElement).value);
    if (!picked) return;
    setValue(picked.value);
    surface?.act(
      {
        type: node.type,
        action_id: String(node.action_id ?? ''),
        block_id: blockId,
        selected_option: selected(picked),
      },
      confirmOf(node),
    );
  };
  return (
    <select
      class="bk-select"
      aria-label={plain(node.placeholder) || 'Choose an option'}
      value={value}
      onChange={change}
    >
      <option value="" disabled>
        {plain(node.placeholder) || 'Choose an option'}
      </option>
      {optionsOf(node).map((o) => (
        <option key={o.value} value={o.value}>
          {plain(o.text)}
        </option>
      ))}
      {groupsOf(node).map((group) => (
        <optgroup key={plain(group.label)} label={plain(group.label)}>
          {group.options.map((o) => (
            <option key={o.value} value={o.value}>
              {plain(o.text)}
            </option>
          ))}
        </optgroup>
      ))}
    </select>
  );
}

/** The "⋯" menu of an overflow element. */
function Overflow({ node, blockId }: { node: BlockKitNode; blockId: string }) {
  const surface = useContext(SurfaceContext);
  const [open, setOpen] = useState(false);
  const pick = (option: OptionObject) => {
    setOpen(false);
    surface?.act(
      {
        type: 'overflow',
        action_id: String(node.action_id ?? ''),
        block_id: blockId,
        selected_option: selected(option),
      },
      confirmOf(node),
    );
  };
  const closeOnEscape = (event: KeyboardEvent) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    setOpen(false);
  };
  return (
    <span class="bk-overflow">
      <button
        type="button"
        class="bk-button default"
        aria-haspopup="menu"
        aria-expanded={open}
        onClick={() => setOpen(!open)}
      >
        More options
      </button>
      {open ? (
        <div role="menu" class="bk-menu" tabIndex={-1} onKeyDown={closeOnEscape}>
          {optionsOf(node).map((o) => (
            <button key={o.value} type="button" role="menuitem" onClick={() => pick(o)}>
              {plain(o.text)}
            </button>
          ))}
        </div>
      ) : null}
    </span>
  );
}

/** An image element or block source: files shared in the workspace and data URLs only (no requests elsewhere). */
export function ImageElement({ node, large }: { node: BlockKitNode; large?: boolean }) {
  const fileId = (node.slack_file as { id?: string } | undefined)?.id;
  const url = typeof node.image_url === 'string' ? node.image_url : fileId ? `/files/${fileId}/image` : '';
  const alt = typeof node.alt_text === 'string' ? node.alt_text : '';
  const local = url.startsWith('/') || url.startsWith(location.origin) || url.startsWith('data:image/');
  if (!local) {
    return (
      <span class="bk-image-elsewhere" role="img" aria-label={alt}>
        🖼 {alt}
      </span>
    );
  }
  return <img class={large ? 'bk-image' : 'bk-thumb'} src={url} alt={alt} />;
}

/** Any interactive or image element outside an input block (actions, section accessories, context). */
export function Element({ node, blockId }: { node: BlockKitNode; blockId: string }) {
  switch (node.type) {
    case 'button':
      return <Button node={node} blockId={blockId} />;
    case 'static_select':
      return <ActionSelect node={node} blockId={blockId} />;
    case 'external_select':
      return <ExternalSelect node={node} blockId={blockId} dispatch />;
    case 'overflow':
      return <Overflow node={node} blockId={blockId} />;
    case 'image':
      return <ImageElement node={node} />;
    default:
      return <InputElement node={node} blockId={blockId} dispatch labelledBy={undefined} />;
  }
}
