import { useContext } from 'preact/hooks';
import type { BlockKitNode } from '../types.js';
import { Element, ImageElement } from './elements.js';
import { elementId, InputElement } from './inputs.js';
import { SurfaceContext } from './surface.js';
import { plain, Text } from './text.js';

const list = (value: unknown): BlockKitNode[] =>
  Array.isArray(value)
    ? value.filter((v): v is BlockKitNode => typeof v === 'object' && v !== null && 'type' in v)
    : [];

function Section({ block, blockId }: { block: BlockKitNode; blockId: string }) {
  const accessory = block.accessory as BlockKitNode | undefined;
  const fields = list(block.fields);
  return (
    <div class={`bk-section${accessory ? ' with-accessory' : ''}`}>
      <div class="bk-section-body">
        {block.text ? (
          <div class="bk-text">
            <Text value={block.text} />
          </div>
        ) : null}
        {fields.length ? (
          <div class="bk-fields">
            {fields.map((field, index) => (
              <div key={index} class="bk-field">
                <Text value={field} />
              </div>
            ))}
          </div>
        ) : null}
      </div>
      {accessory ? (
        <div class="bk-accessory">
          {accessory.type === 'image' ? (
            <ImageElement node={accessory} />
          ) : (
            <Element node={accessory} blockId={blockId} />
          )}
        </div>
      ) : null}
    </div>
  );
}

function Input({ block, blockId }: { block: BlockKitNode; blockId: string }) {
  const surface = useContext(SurfaceContext);
  const element = block.element as BlockKitNode | undefined;
  if (!surface || !element) return null;
  const id = elementId(surface.idPrefix, blockId, element);
  const labelId = `${id}-label`;
  const hintId = block.hint ? `${id}-hint` : undefined;
  const error = surface.errors[blockId];
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  const grouped = element.type === 'checkboxes' || element.type === 'radio_buttons';
  const label = (
    <>
      {plain(block.label)}
      {block.optional === true ? <span class="optional"> (optional)</span> : null}
    </>
  );
  const parts = (
    <>
      <InputElement
        node={element}
        blockId={blockId}
        dispatch={block.dispatch_action === true}
        labelledBy={grouped ? undefined : labelId}
        describedBy={describedBy}
        invalid={Boolean(error)}
      />
      {error ? (
        <p id={errorId} class="bk-error">
          {error}
        </p>
      ) : null}
      {block.hint ? (
        <p id={hintId} class="bk-hint">
          {plain(block.hint)}
        </p>
      ) : null}
    </>
  );
  const classes = `bk-input-block${error ? ' invalid' : ''}`;
  if (grouped) {
    return (
      <fieldset class={classes}>
        <legend class="bk-label">{label}</legend>
        {parts}
      </fieldset>
    );
  }
  return (
    <div class={classes}>
      <label id={labelId} class="bk-label" for={id}>
        {label}
      </label>
      {parts}
    </div>
  );
}

function RichText({ block }: { block: BlockKitNode }) {
  const words = list(block.elements)
    .flatMap((part) => list(part.elements))
    .map((piece) => (typeof piece.text === 'string' ? piece.text : typeof piece.url === 'string' ? piece.url : ''))
    .join('');
  return <div class="bk-text">{words}</div>;
}

/** One block of any kind Slack renders in messages, modals and Home tabs. */
function Block({ block, index }: { block: BlockKitNode; index: number }) {
  const blockId = typeof block.block_id === 'string' ? block.block_id : `b${index}`;
  switch (block.type) {
    case 'section':
      return <Section block={block} blockId={blockId} />;
    case 'header':
      return <h3 class="bk-header">{plain(block.text)}</h3>;
    case 'divider':
      return <hr class="bk-divider" />;
    case 'context':
      return (
        <div class="bk-context">
          {list(block.elements).map((el, i) =>
            el.type === 'image' ? (
              <ImageElement key={i} node={el} />
            ) : (
              <span key={i}>
                <Text value={el} />
              </span>
            ),
          )}
        </div>
      );
    case 'actions':
      return (
        <div class="bk-actions">
          {list(block.elements).map((el, i) => (
            <Element key={`${blockId}-${String(el.action_id ?? i)}`} node={el} blockId={blockId} />
          ))}
        </div>
      );
    case 'image':
      return (
        <figure class="bk-image-block">
          {block.title ? <figcaption>{plain(block.title)}</figcaption> : null}
          <ImageElement node={block} large />
        </figure>
      );
    case 'input':
      return <Input block={block} blockId={blockId} />;
    case 'rich_text':
      return <RichText block={block} />;
    default:
      return <p class="bk-unsupported">This block ({block.type}) is not shown here.</p>;
  }
}

/** A list of Block Kit blocks. */
export function Blocks({ blocks }: { blocks: unknown }) {
  return (
    <div class="bk-blocks">
      {list(blocks).map((block, index) => (
        <Block key={typeof block.block_id === 'string' ? block.block_id : index} block={block} index={index} />
      ))}
    </div>
  );
}
