import { useEffect, useRef } from 'preact/hooks';
import type { Surface } from './block-kit/surface.js';
import { Composer } from './composer.js';
import { MessageView } from './message-view.js';
import type { Message } from './types.js';

export interface ConversationProps {
  /** How the message log is named for assistive technology. */
  label: string;
  messages: Message[];
  replyCount(message: Message): number;
  surfaceFor(message: Message): Surface;
  authorOf(message: Message): { name: string; isApp: boolean };
  onOpenThread(message: Message): void;
  onSend(text: string): Promise<void>;
  placeholder: string;
  highlightTs: string | undefined;
}

/** A conversation: its messages in a live log (newest last, kept in view) and the composer. */
export function Conversation(props: ConversationProps) {
  const log = useRef<HTMLDivElement>(null);
  const count = props.messages.length;
  const last = props.messages[count - 1];
  useEffect(() => {
    const element = log.current;
    if (!element) return;
    const target = props.highlightTs ? element.querySelector(`[data-ts="${props.highlightTs}"]`) : undefined;
    if (target) target.scrollIntoView({ block: 'center' });
    else element.scrollTop = element.scrollHeight;
  }, [count, last?.ts, last?.text, props.highlightTs, props.label]);
  return (
    <>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling log must be reachable by keyboard to scroll it */}
      <div ref={log} class="log" role="log" aria-label={props.label} tabIndex={0}>
        {count === 0 ? <p class="empty">No messages yet. Type /openai help below.</p> : null}
        {props.messages.map((message) => {
          const author = props.authorOf(message);
          return (
            <MessageView
              key={message.key}
              message={message}
              surface={props.surfaceFor(message)}
              author={author.name}
              isApp={author.isApp}
              replies={props.replyCount(message)}
              onOpenThread={() => props.onOpenThread(message)}
              highlighted={message.ts === props.highlightTs}
            />
          );
        })}
      </div>
      <Composer name="Message" placeholder={props.placeholder} onSend={props.onSend} />
    </>
  );
}
