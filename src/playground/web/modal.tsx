import { useEffect, useRef } from 'preact/hooks';
import { Blocks } from './block-kit/blocks.js';
import { type Surface, SurfaceContext } from './block-kit/surface.js';
import { plain } from './block-kit/text.js';
import { DialogElement } from './dialog-element.js';
import type { ViewRecord } from './types.js';

interface Props {
  view: ViewRecord;
  surface: Surface;
  /** How many modals are open beneath this one. */
  depth: number;
  onSubmit(): void;
  onClose(): void;
}

/** A modal view as a dialog named by its title, with its blocks, inline errors and its buttons. */
export function Modal({ view, surface, depth, onSubmit, onClose }: Props) {
  const body = useRef<HTMLFormElement>(null);
  const titleId = `${view.id}-title`;
  const errorKeys = Object.keys(view.errors).join('|');
  useEffect(() => {
    if (!errorKeys) return;
    body.current?.querySelector<HTMLElement>('[aria-invalid="true"], .general-error')?.focus();
  }, [errorKeys, view.hash]);
  const general = view.errors[''];
  return (
    <DialogElement labelledBy={titleId} className="modal" onCancel={onClose}>
      <header class="modal-head">
        <h2 id={titleId}>{plain(view.view.title)}</h2>
        {depth > 0 ? (
          <span class="stack-note">
            {depth + 1} of {depth + 1}
          </span>
        ) : null}
      </header>
      <form
        ref={body}
        class="modal-body"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          onSubmit();
        }}
      >
        {general ? (
          <p class="bk-error general-error" role="alert" tabIndex={-1}>
            {general}
          </p>
        ) : null}
        <SurfaceContext.Provider value={surface}>
          <Blocks blocks={view.view.blocks} />
        </SurfaceContext.Provider>
        <footer class="dialog-buttons">
          <button type="button" class="bk-button default" onClick={onClose}>
            {plain(view.view.close) || (depth > 0 ? 'Back' : 'Cancel')}
          </button>
          {view.view.submit ? (
            <button type="submit" class="bk-button primary">
              {plain(view.view.submit)}
            </button>
          ) : null}
        </footer>
      </form>
    </DialogElement>
  );
}
