import { ForbiddenError } from '../errors.js';
import type { Actor } from './actor.js';
import type { AdminApi } from './admin-api/admin-api.js';
import type { Policy } from './policy/policy.js';

/** One pickable value: what the form submits and what the person sees. */
export interface Suggestion {
  value: string;
  label: string;
}

export interface SuggestionOptions {
  /** Most suggestions returned. Default 50. */
  limit?: number;
  /** Stop reading the organization after this long and suggest what was found. Default 2 s. */
  budgetMs?: number;
}

interface Entry {
  value: string;
  label: string;
  /** Lower-cased text searched: name, email, id. */
  haystack: string;
}

interface Cached {
  entries: Entry[];
  complete: boolean;
  until: number;
}

/** Suggestions refer to these reads: who may list projects and members may search them. */
const READS = { projects: 'projects.list', users: 'users.list' } as const;

/**
 * Searches projects and members as a form field is typed into. Answers must arrive within Slack's 3 s, so the
 * organization is read within a time budget, and kept briefly so each keystroke does not list everything again.
 */
export class SuggestionService {
  readonly #admin: AdminApi;
  readonly #policy: Policy;
  readonly #ttlMs: number;
  readonly #cache = new Map<keyof typeof READS, Cached>();

  constructor(deps: { admin: AdminApi; policy: Policy; ttlMs?: number }) {
    this.#admin = deps.admin;
    this.#policy = deps.policy;
    this.#ttlMs = deps.ttlMs ?? 30_000;
  }

  /** Active projects whose name or id contains `query`; value is the project id. */
  projects(actor: Actor, query: string, options: SuggestionOptions = {}): Promise<Suggestion[]> {
    return this.#search(actor, 'projects', query, options, async function* (admin) {
      for await (const project of admin.projects.list()) {
        if (project.status === 'archived') continue;
        const name = project.name ?? project.id;
        yield { value: project.id, label: `${name} · ${project.id}`, haystack: `${name} ${project.id}`.toLowerCase() };
      }
    });
  }

  /** Members whose name, email or id contains `query`; value is the email (the user id when too long or none). */
  users(actor: Actor, query: string, options: SuggestionOptions = {}): Promise<Suggestion[]> {
    return this.#search(actor, 'users', query, options, async function* (admin) {
      for await (const user of admin.users.list()) {
        const email = user.email ?? undefined;
        const value = email && email.length <= 75 ? email : user.id;
        const label = user.name && email ? `${user.name} <${email}>` : (email ?? user.name ?? user.id);
        yield { value, label, haystack: `${user.name ?? ''} ${email ?? ''} ${user.id}`.toLowerCase() };
      }
    });
  }

  async #search(
    actor: Actor,
    kind: keyof typeof READS,
    query: string,
    options: SuggestionOptions,
    read: (admin: AdminApi) => AsyncIterable<Entry>,
  ): Promise<Suggestion[]> {
    if (!(await this.#mayRead(actor, kind))) return [];
    const entries = await this.#entries(kind, read, options.budgetMs ?? 2_000);
    const needle = query.trim().toLowerCase();
    const found = entries.filter((entry) => entry.haystack.includes(needle));
    const rank = (entry: Entry) => (entry.haystack.startsWith(needle) ? 0 : 1);
    found.sort((a, b) => rank(a) - rank(b) || a.label.localeCompare(b.label));
    return found.slice(0, options.limit ?? 50).map(({ value, label }) => ({ value, label }));
  }

  /** The check running the listing itself makes: the role and the channel the form was opened in. */
  async #mayRead(actor: Actor, kind: keyof typeof READS): Promise<boolean> {
    try {
      await this.#policy.assertMayRun(actor, 'read', READS[kind]);
      return true;
    } catch (error) {
      if (error instanceof ForbiddenError) return false;
      throw error;
    }
  }

  async #entries(kind: keyof typeof READS, read: (admin: AdminApi) => AsyncIterable<Entry>, budgetMs: number) {
    const hit = this.#cache.get(kind);
    if (hit && hit.until > Date.now()) return hit.entries;
    const deadline = Date.now() + budgetMs;
    const entries: Entry[] = [];
    const iterator = read(this.#admin)[Symbol.asyncIterator]();
    let complete = false;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const pending = iterator.next();
      // A page still loading when the budget runs out is abandoned; its outcome no longer matters.
      pending.catch(() => undefined);
      const next = await Promise.race([pending, sleep(left)]);
      if (!next) break;
      if (next.done) {
        complete = true;
        break;
      }
      entries.push(next.value);
    }
    if (!complete) void iterator.return?.(undefined).catch(() => undefined);
    // A partial read is kept only briefly, so the next keystroke tries again for the rest.
    this.#cache.set(kind, { entries, complete, until: Date.now() + (complete ? this.#ttlMs : 1_000) });
    return entries;
  }
}

const sleep = (ms: number) => new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms).unref?.());
