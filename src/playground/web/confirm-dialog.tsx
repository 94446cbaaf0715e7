import { plain } from './block-kit/text.js';
import { DialogElement } from './dialog-element.js';
import type { ConfirmObject } from './types.js';

interface Props {
  confirm: ConfirmObject;
  onConfirm(): void;
  onDeny(): void;
}

/** The confirm dialog of a Block Kit element, shown before its click is sent; the safe choice has focus. */
export function ConfirmDialog({ confirm, onConfirm, onDeny }: Props) {
  return (
    <DialogElement labelledBy="confirm-title" describedBy="confirm-text" className="confirm" onCancel={onDeny}>
      <h2 id="confirm-title">{plain(confirm.title) || 'Are you sure?'}</h2>
      <p id="confirm-text" class="confirm-text">
        {plain(confirm.text)}
      </p>
      <div class="dialog-buttons">
        <button type="button" class="bk-button default" data-autofocus onClick={onDeny}>
          {plain(confirm.deny) || 'Cancel'}
        </button>
        <button
          type="button"
          class={`bk-button ${confirm.style === 'danger' ? 'danger' : 'primary'}`}
          onClick={onConfirm}
        >
          {plain(confirm.confirm) || 'Yes'}
        </button>
      </div>
    </DialogElement>
  );
}
