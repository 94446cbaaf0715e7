import type { Message, SharedFile } from './model.js';

export interface NewMessage {
  channel: string;
  author: string;
  text: string;
  blocks?: unknown[] | undefined;
  threadTs?: string | undefined;
  visibleTo?: string | undefined;
  files?: SharedFile[];
  command?: string | undefined;
}

/** Every message of every conversation, keyed `<channel>:<ts>`, with timestamps unique and increasing. */
export class MessageLog {
  readonly #messages = new Map<string, Message>();
  #lastTs = 0;
  #seq: number;

  constructor(messages: readonly Message[] = [], seq = 0) {
    this.#seq = seq;
    for (const message of messages) {
      this.#messages.set(message.key, message);
      this.#lastTs = Math.max(this.#lastTs, Number(message.ts));
    }
  }

  get seq(): number {
    return this.#seq;
  }

  /** A Slack-style `ts`: seconds and a six-digit counter, later than every ts handed out before. */
  nextTs(): string {
    this.#seq += 1;
    const seconds = Math.max(Math.floor(Date.now() / 1000), Math.floor(this.#lastTs));
    let ts = Number(`${seconds}.${String(this.#seq % 1_000_000).padStart(6, '0')}`);
    if (ts <= this.#lastTs) ts = Number((Math.floor(this.#lastTs) + 1).toFixed(0));
    this.#lastTs = ts;
    return ts.toFixed(6);
  }

  add(input: NewMessage): Message {
    const ts = this.nextTs();
    const message: Message = {
      key: `${input.channel}:${ts}`,
      channel: input.channel,
      ts,
      author: input.author,
      text: input.text,
      blocks: input.blocks,
      threadTs: input.threadTs,
      visibleTo: input.visibleTo,
      files: input.files ?? [],
      edited: false,
      command: input.command,
    };
    this.#messages.set(message.key, message);
    return message;
  }

  get(key: string): Message | undefined {
    return this.#messages.get(key);
  }

  find(channel: string, ts: string): Message | undefined {
    return this.#messages.get(`${channel}:${ts}`);
  }

  delete(key: string): boolean {
    return this.#messages.delete(key);
  }

  all(): Message[] {
    return [...this.#messages.values()];
  }
}
