import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { ApprovalRequest } from '../domain/approvals/model.js';
import type { HomeService } from '../domain/home.js';
import { renderHome } from './blocks/home.js';

/** Publishes App Home tabs; never throws, since a stale tab must not undo what changed. */
export class HomePublisher {
  readonly #client: WebClient;
  readonly #home: HomeService;
  readonly #logger: Logger;
  #stopped = false;

  constructor(client: WebClient, home: HomeService, logger: Logger) {
    this.#client = client;
    this.#home = home;
    this.#logger = logger;
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
  }

  /** A request changed: publish again the Home of everyone it concerns (its requester and approvers). */
  async requestChanged(request: ApprovalRequest): Promise<void> {
    if (this.#stopped) return;
    const people = await this.#home.concernedBy(request).catch(() => [request.requester_id]);
    const budget = await this.#home.budget(false);
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
