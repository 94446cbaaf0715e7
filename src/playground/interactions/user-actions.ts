import type { ViewRecord } from '../workspace/model.js';
import { BOT, userById } from '../workspace/seed.js';
import type { Workspace } from '../workspace/workspace.js';
import {
  commandForm,
  type ElementAction,
  homeOpenedEvent,
  messageActionPayload,
  payloadForm,
  suggestionPayload,
  viewActionPayload,
  viewClosedPayload,
  viewSubmissionPayload,
} from './payloads.js';
import { type BotAnswer, postSigned } from './signed-post.js';
import { escapeCommandText } from './slash-text.js';
import { applyViewAnswer } from './view-answer.js';

/** Where the bot takes Slack's requests, known once it has started. */
export interface BotEndpoint {
  eventsUrl: string;
  signingSecret: string;
}

/** Slack's own author for messages about commands that failed. */
const SLACKBOT = 'USLACKBOT';

/** What the options of an external select look like in a `block_suggestion` answer. */
export interface SuggestionAnswer {
  options?: unknown[];
  option_groups?: unknown[];
}

/**
 * What people do in the console, turned into what Slack would send the bot: slash commands, clicks, form
 * submissions and closes, searches in external selects and opening Home, each signed and posted to the bot's
 * `/slack/events`; the bot's acknowledgements are applied as Slack applies them.
 */
export class UserActions {
  readonly #workspace: Workspace;
  readonly #bot: Promise<BotEndpoint>;

  constructor(workspace: Workspace, bot: Promise<BotEndpoint>) {
    this.#workspace = workspace;
    this.#bot = bot;
  }

  async #post(body: string, type: 'application/x-www-form-urlencoded' | 'application/json'): Promise<BotAnswer> {
    const bot = await this.#bot;
    return postSigned(bot.eventsUrl, bot.signingSecret, body, type);
  }

  #tell(userId: string, channel: string, text: string): void {
    this.#workspace.post({ channel, author: SLACKBOT, text, visibleTo: userId });
  }

  /** A line typed in a conversation: `/openai …` runs the command, anything else is a message from the person. */
  async send(userId: string, channel: string, typed: string, threadTs?: string): Promise<void> {
    const text = typed.trim();
    if (!text) return;
    if (!text.startsWith('/')) {
      this.#workspace.post({ channel, author: userId, text: escapeCommandText(text), threadTs });
      return;
    }
    const name = text.split(/\s/, 1)[0] ?? '';
    if (name !== '/openai') {
      this.#tell(userId, channel, `${name.replace(/[&<>]/g, '')} is not a valid command. The app here has /openai.`);
      return;
    }
    const responseUrl = this.#workspace.newResponseUrl({ channel, userId, command: text, original: undefined });
    const form = commandForm({
      userId,
      channel,
      text: escapeCommandText(text.slice(name.length).replace(/^\s+/, '')),
      responseUrl,
      triggerId: this.#workspace.newTrigger(userId),
    });
    const answer = await this.#post(form, 'application/x-www-form-urlencoded').catch(() => undefined);
    if (answer?.status !== 200) {
      this.#tell(
        userId,
        channel,
        `/openai failed with the error "${answer ? 'dispatch_failed' : 'operation_timeout'}"`,
      );
      return;
    }
    if (!answer.text.trim()) return;
    const ack = parseJson(answer.text);
    const blocks = Array.isArray(ack?.blocks) ? ack.blocks : undefined;
    const ackText = typeof ack?.text === 'string' ? ack.text : ack ? '' : answer.text;
    const inChannel = ack?.response_type === 'in_channel';
    this.#workspace.post({
      channel,
      author: BOT.userId,
      text: ackText,
      blocks,
      visibleTo: inChannel ? undefined : userId,
      command: inChannel ? text : undefined,
    });
  }

  /** A click (or pick) on an element of a message the person can see. */
  async clickInMessage(userId: string, messageKey: string, action: ElementAction): Promise<void> {
    const message = this.#workspace.messages.get(messageKey);
    if (!message || (message.visibleTo && message.visibleTo !== userId)) throw new Error('That message is gone.');
    const responseUrl = this.#workspace.newResponseUrl({
      channel: message.channel,
      userId,
      command: undefined,
      original: message.key,
    });
    const payload = messageActionPayload({
      userId,
      message,
      responseUrl,
      triggerId: this.#workspace.newTrigger(userId),
      action,
    });
    await this.#interactive(userId, payload);
  }

  /** A click (or pick) inside a modal or a Home tab, with the inputs' values as the console has them. */
  async clickInView(
    userId: string,
    viewId: string,
    action: ElementAction,
    state: ViewRecord['state'] | undefined,
  ): Promise<void> {
    const view = this.#viewOf(userId, viewId);
    if (state) view.state = state;
    const payload = viewActionPayload({ userId, view, triggerId: this.#workspace.newTrigger(userId), action });
    await this.#interactive(userId, payload);
  }

  async submit(userId: string, viewId: string, state: ViewRecord['state']): Promise<void> {
    const view = this.#viewOf(userId, viewId);
    view.state = state;
    const answer = await this.#post(
      payloadForm(viewSubmissionPayload({ userId, view, triggerId: this.#workspace.newTrigger(userId) })),
      'application/x-www-form-urlencoded',
    );
    if (answer.status !== 200) {
      view.errors = { '': 'The app did not answer in time. Try again.' };
      this.#workspace.viewChanged(view);
      return;
    }
    applyViewAnswer(this.#workspace, view, parseJson(answer.text));
  }

  /** The person closed a modal (Cancel, ×, Escape): it and those above it close; the bot hears if it asked to. */
  async close(userId: string, viewId: string): Promise<void> {
    const view = this.#viewOf(userId, viewId);
    const closed = this.#workspace.views.close(view.id);
    this.#workspace.viewsClosed(closed, userId);
    if (view.view.notify_on_close === true) {
      await this.#post(payloadForm(viewClosedPayload({ userId, view })), 'application/x-www-form-urlencoded');
    }
  }

  /** Typing in an external select: the bot's options handler answers with what matches. */
  async suggest(
    userId: string,
    viewId: string | undefined,
    input: { actionId: string; blockId: string; value: string },
  ): Promise<SuggestionAnswer> {
    const view = viewId ? this.#viewOf(userId, viewId) : undefined;
    const payload = suggestionPayload({ userId, view, ...input });
    const answer = await this.#post(payloadForm(payload), 'application/x-www-form-urlencoded');
    const body = answer.status === 200 ? parseJson(answer.text) : undefined;
    return {
      ...(Array.isArray(body?.options) ? { options: body.options } : {}),
      ...(Array.isArray(body?.option_groups) ? { option_groups: body.option_groups } : {}),
    };
  }

  /** The person opened the app's Home tab. */
  async openHome(userId: string): Promise<void> {
    if (!userById(userId)) throw new Error('No such person.');
    const event = homeOpenedEvent(userId, this.#workspace.views.homeOf(userId));
    await this.#post(JSON.stringify(event), 'application/json');
  }

  #viewOf(userId: string, viewId: string): ViewRecord {
    const view = this.#workspace.views.get(viewId);
    if (!view || view.userId !== userId) throw new Error('That window is closed.');
    return view;
  }

  /** Sends a click; when the bot does not acknowledge it, the person is told, as Slack shows a warning. */
  async #interactive(userId: string, payload: unknown): Promise<void> {
    const answer = await this.#post(payloadForm(payload), 'application/x-www-form-urlencoded').catch(() => undefined);
    if (answer?.status !== 200) {
      this.#workspace.emit({ type: 'notice', userId, text: 'The app did not respond to that click.' });
    }
  }
}

function parseJson(text: string): Record<string, unknown> | undefined {
  if (!text.trim()) return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed && typeof parsed === 'object' ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
