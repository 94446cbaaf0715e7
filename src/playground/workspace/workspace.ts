import { randomBytes } from 'node:crypto';
import { FileStore } from './file-store.js';
import { MessageLog, type NewMessage } from './message-log.js';
import type { Message, ResponseTarget, ViewRecord, WorkspaceData, WorkspaceEvent } from './model.js';
import { CHANNELS, dmOf, USERS } from './seed.js';
import { ViewStack } from './view-stack.js';

/** How long Slack honours a trigger id and a response URL. */
/** Slack's own lifetime of a trigger id. */
export const TRIGGER_MS = 3_000;
const RESPONSE_URL_MS = 30 * 60_000;
const RESPONSE_URL_POSTS = 5;

type Listener = (event: WorkspaceEvent) => void;

/**
 * The emulated Slack workspace's state: messages (threads, ephemeral ones, direct messages), modal stacks and Home
 * tabs per person, shared files, and the short-lived trigger ids and response URLs of interactions. Every change is
 * told to subscribers (the consoles and the file that keeps the workspace).
 */
export class Workspace {
  readonly messages: MessageLog;
  readonly views: ViewStack;
  readonly files: FileStore;
  readonly #triggers = new Map<string, { userId: string; until: number }>();
  readonly #responses = new Map<string, ResponseTarget>();
  readonly #listeners = new Set<Listener>();
  #baseUrl = '';

  readonly #triggerMs: number;

  constructor(data?: WorkspaceData, triggerMs = TRIGGER_MS) {
    this.#triggerMs = triggerMs;
    this.messages = new MessageLog(data?.messages, data?.seq);
    this.views = new ViewStack(data?.views);
    this.files = new FileStore(() => this.#baseUrl, data?.files);
  }

  /** Where the workspace is served (its Web API is `<baseUrl>/api/`), known once the server listens. */
  get baseUrl(): string {
    return this.#baseUrl;
  }

  set baseUrl(url: string) {
    this.#baseUrl = url;
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  emit(event: WorkspaceEvent): void {
    for (const listener of this.#listeners) listener(event);
  }

  /** Whether a conversation id names a channel or a direct message with the bot. */
  conversationExists(channel: string): boolean {
    return CHANNELS.some((c) => c.id === channel) || USERS.some((u) => dmOf(u.id) === channel);
  }

  post(input: NewMessage): Message {
    const message = this.messages.add(input);
    this.emit({ type: 'message', message });
    return message;
  }

  edit(message: Message, change: { text?: string; blocks?: unknown[] | undefined }): Message {
    if (change.text !== undefined) message.text = change.text;
    if ('blocks' in change) message.blocks = change.blocks;
    message.edited = true;
    this.emit({ type: 'message', message });
    return message;
  }

  remove(message: Message): void {
    if (this.messages.delete(message.key)) this.emit({ type: 'message-deleted', key: message.key });
  }

  viewChanged(view: ViewRecord): void {
    this.emit({ type: 'view', view });
  }

  viewsClosed(ids: readonly string[], userId: string): void {
    for (const id of ids) this.emit({ type: 'view-closed', id, userId });
  }

  /** A trigger id for an interaction of `userId`, valid for 3 s as Slack's are. */
  newTrigger(userId: string): string {
    const id = `${Date.now()}.${randomBytes(6).toString('hex')}`;
    this.#triggers.set(id, { userId, until: Date.now() + this.#triggerMs });
    return id;
  }

  /** The person a still-valid trigger id belongs to. */
  userOfTrigger(id: string): string | undefined {
    const trigger = this.#triggers.get(id);
    if (!trigger || trigger.until < Date.now()) return undefined;
    return trigger.userId;
  }

  /** A response URL on this workspace's host for a command or a click. */
  newResponseUrl(target: Omit<ResponseTarget, 'createdAt' | 'posts'>): string {
    const id = randomBytes(9).toString('hex');
    this.#responses.set(id, { ...target, createdAt: Date.now(), posts: 0 });
    return `${this.#baseUrl}/response/${id}`;
  }

  /** The response URL's target while it may still be used (five posts within 30 minutes). */
  takeResponse(id: string): ResponseTarget | 'expired' | undefined {
    const target = this.#responses.get(id);
    if (!target) return undefined;
    if (target.createdAt + RESPONSE_URL_MS < Date.now() || target.posts >= RESPONSE_URL_POSTS) return 'expired';
    target.posts += 1;
    return target;
  }

  snapshot(): WorkspaceData {
    return {
      version: 1,
      seq: this.messages.seq,
      messages: this.messages.all(),
      views: this.views.all().filter((v) => v.kind === 'home'),
      files: this.files.all(),
    };
  }
}
