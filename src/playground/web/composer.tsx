import { useState } from 'preact/hooks';

interface Props {
  /** The textbox's accessible name ("Message", or "Reply" in a thread). */
  name: string;
  placeholder: string;
  onSend(text: string): Promise<void>;
}

/** Where a line is typed: Enter sends it (Shift+Enter starts a new line); `/openai …` runs the command. */
export function Composer({ name, placeholder, onSend }: Props) {
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async () => {
    const line = text.trim();
    if (!line || busy) return;
    setBusy(true);
    setText('');
    try {
      await onSend(line);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      class="composer"
      onSubmit={(event) => {
        event.preventDefault();
        void send();
      }}
    >
      <textarea
        aria-label={name}
        placeholder={placeholder}
        rows={1}
        value={text}
        onInput={(event) => setText((event.currentTarget as HTMLTextAreaElement).value)}
        onKeyDown={(event) => {
          if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
            event.preventDefault();
            void send();
          }
        }}
      />
      <button type="submit" class="send" disabled={busy || !text.trim()}>
        Send
      </button>
    </form>
  );
}
