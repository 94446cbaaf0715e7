import { Blocks } from './block-kit/blocks.js';
import { Mrkdwn } from './block-kit/mrkdwn.js';
import { type Surface, SurfaceContext } from './block-kit/surface.js';
import type { Message, SharedFileView } from './types.js';

export interface MessageProps {
  message: Message;
  surface: Surface;
  author: string;
  isApp: boolean;
  /** Replies in its thread, and what opens it; omitted inside the thread pane. */
  replies?: number;
  onOpenThread?: () => void;
  highlighted?: boolean;
}

const timeOf = (ts: string) =>
  new Date(Number(ts) * 1000).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });

function File({ file }: { file: SharedFileView }) {
  if (file.mimetype.startsWith('image/') && file.mimetype !== 'image/svg+xml') {
    return (
      <figure class="file-image">
        <img src={file.url} alt={file.altText ?? file.title} />
        <figcaption>{file.title}</figcaption>
      </figure>
    );
  }
  return (
    <a class="file-link" href={file.url} download={file.name}>
      📄 {file.title}{' '}
      <span class="file-meta">
        ({file.name}, {Math.max(1, Math.round(file.size / 1024))} KB)
      </span>
    </a>
  );
}

/** One message as Slack shows it: author, time, the command it answers, its blocks or text, files, thread. */
export function MessageView({ message, surface, author, isApp, replies, onOpenThread, highlighted }: MessageProps) {
  const blocks = Array.isArray(message.blocks) && message.blocks.length > 0;
  const classes = ['message', message.visibleTo ? 'ephemeral' : '', highlighted ? 'highlighted' : ''].filter(Boolean);
  return (
    <article class={classes.join(' ')} data-ts={message.ts}>
      <div class="avatar" aria-hidden="true">
        {isApp ? '✦' : author.slice(0, 1)}
      </div>
      <div class="message-main">
        <header class="message-head">
          <span class="author">{author}</span>
          {isApp ? <span class="badge">APP</span> : null}
          <time class="time">{timeOf(message.ts)}</time>
        </header>
        {message.visibleTo ? <p class="only-you">Only visible to you</p> : null}
        {message.command ? <p class="command">{message.command}</p> : null}
        <SurfaceContext.Provider value={surface}>
          {blocks ? (
            <Blocks blocks={message.blocks} />
          ) : message.text ? (
            <div class="bk-text">
              <Mrkdwn text={message.text} names={surface.names} />
            </div>
          ) : null}
        </SurfaceContext.Provider>
        {message.files.map((file) => (
          <File key={file.id} file={file} />
        ))}
        {replies && onOpenThread ? (
          <button type="button" class="thread-link" onClick={onOpenThread}>
            {replies} {replies === 1 ? 'reply' : 'replies'}
          </button>
        ) : null}
      </div>
    </article>
  );
}
