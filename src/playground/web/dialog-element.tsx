import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';

interface Props {
  labelledBy: string;
  describedBy?: string;
  className: string;
  /** Escape (the dialog's cancel), handled by the caller. */
  onCancel(): void;
  children: ComponentChildren;
}

/**
 * A native modal `<dialog>`: the page behind is inert, Tab stays inside, focus moves into it when it opens (to its
 * first field, or the element marked `data-autofocus`) and goes back where it was when it closes.
 */
export function DialogElement({ labelledBy, describedBy, className, onCancel, children }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const before = document.activeElement as HTMLElement | null;
    if (!dialog.open) dialog.showModal();
    const first = dialog.querySelector<HTMLElement>('[data-autofocus], input, select, textarea');
    first?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (before?.isConnected) before.focus();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      class={className}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
