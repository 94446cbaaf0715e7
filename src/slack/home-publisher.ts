import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ApprovalRequest } from '../domain/approvals/model.js';
import type { HomeService } from '../domain/home.js';
import { renderHome } from './blocks/home.js';

/**
 * How long changes gather before the tabs they concern are published again. Each tab lists every pending request,
 * so publishing on every change of a burst would cost work in proportion to its square and hold up the changes.
 */
const REFRESH_AFTER_MS = 1_000;

/** Publishes App Home tabs; never throws, since a stale tab must not undo what changed. */
export class HomePublisher {
  readonly #client: WebClient;
  readonly #home: HomeService;
  readonly #logger: Logger;
  readonly #refreshAfterMs: number;
  /** Requests that changed since the last refresh, by id (the latest row of each). */
  readonly #changed = new Map<string, ApprovalRequest>();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #refreshing: Promise<void> = Promise.resolve();
  #stopped = false;

  constructor(client: WebClient, home: HomeService, logger: Logger, refreshAfterMs = REFRESH_AFTER_MS) {
    this.#client = client;
    this.#home = home;
    this.#logger = logger;
    this.#refreshAfterMs = refreshAfterMs;
  }

  /** Someone opened Home: publish theirs, with budget figures at most a minute old. */
  async opened(userId: string): Promise<void> {
    const budget = (await this.#home.maySeeBudget(userId))
      ? await this.#home.budget(true).catch((error: unknown) => {
          this.#logger.warn({ err: error }, 'could not read spend for the Home budget');
          return undefined;
        })
      : undefined;
    await this.#publish(userId, budget);
  }

  /**
   * Stops republishing on changes (the bot is shutting down): reading what awaits someone expires overdue requests,
   * and nothing may change the store while work in flight drains.
   */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
    this.#changed.clear();
  }

  /**
   * A request changed: the Home of everyone it concerns (its requester and approvers) is published again shortly,
   * once for all the changes gathered meanwhile. Returns at once, so the change it follows is never held up.
   */
  async requestChanged(request: ApprovalRequest): Promise<void> {
    if (this.#stopped) return;
    this.#changed.set(request.id, request);
    this.#timer ??= setTimeout(() => {
      this.#timer = undefined;
      this.#refreshing = this.#refreshing.then(() => this.#refresh());
    }, this.#refreshAfterMs);
    this.#timer.unref();
  }

  async #refresh(): Promise<void> {
    if (this.#stopped) return;
    const changed = [...this.#changed.values()];
    this.#changed.clear();
    const people = new Set<string>();
    for (const request of changed) {
      const concerned = await this.#home.concernedBy(request).catch(() => [request.requester_id]);
      for (const userId of concerned) people.add(userId);
    }
    const budget = await this.#home.budget(false).catch(() => undefined);
    for (const userId of people) await this.#publish(userId, budget);
  }

  async #publish(userId: string, budget: Awaited<ReturnType<HomeService['budget']>>): Promise<void> {
    try {
      const view = renderHome(await this.#home.homeOf(userId, budget));
      await this.#client.views.publish({ user_id: userId, view });
    } catch (error) {
      this.#logger.warn({ err: error, userId }, 'could not publish App Home');
    }
  }
}
