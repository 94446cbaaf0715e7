import { useEffect, useRef } from 'preact/hooks';
import type { Surface } from './block-kit/surface.js';
import { Composer } from './composer.js';
import { MessageView } from './message-view.js';
import type { Message } from './types.js';

interface Props {
  parent: Message;
  replies: Message[];
  surfaceFor(message: Message): Surface;
  authorOf(message: Message): { name: string; isApp: boolean };
  onReply(text: string): Promise<void>;
  onClose(): void;
}

/** A message's thread beside the conversation: the message, its replies (files included) and a reply box. */
export function ThreadPane({ parent, replies, surfaceFor, authorOf, onReply, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening a thread takes the reader there, as it does in Slack.
  useEffect(() => heading.current?.focus(), [parent.key]);
  const show = (message: Message) => {
    const author = authorOf(message);
    return (
      <MessageView
        key={message.key}
        message={message}
        surface={surfaceFor(message)}
        author={author.name}
        isApp={author.isApp}
      />
    );
  };
  return (
    <section class="thread" aria-labelledby="thread-title">
      <header class="pane-head">
        <h2 id="thread-title" ref={heading} tabIndex={-1}>
          Thread
        </h2>
        <button type="button" class="bk-button default" onClick={onClose}>
          Close thread
        </button>
      </header>
      <div class="thread-messages" aria-live="polite">
        {show(parent)}
        <p class="reply-count">
          {replies.length} {replies.length === 1 ? 'reply' : 'replies'}
        </p>
        {replies.map(show)}
      </div>
      <Composer name="Reply" placeholder="Reply…" onSend={onReply} />
    </section>
  );
}
