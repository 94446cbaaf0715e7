import type { App } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';

/** App methods that register listeners; every function among their arguments is a listener or middleware. */
const REGISTRARS = new Set(['command', 'action', 'view', 'options', 'event', 'shortcut', 'message']);

/**
 * The app as listeners see it, except that every listener receives `client` as the given Web API client.
 * Bolt hands listeners a client of its own per workspace, with a rate-limit queue apart from `app.client`;
 * giving them `app.client` keeps every call the bot makes in one queue, so a 429 pauses all of them.
 */
export function withOneClient(app: App, client: WebClient): App {
  return new Proxy(app, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== 'function') return value;
      if (typeof property !== 'string' || !REGISTRARS.has(property)) return value.bind(target);
      return (...args: unknown[]) =>
        value.apply(
          target,
          args.map((arg) =>
            typeof arg === 'function' ? (listenerArgs: object) => arg({ ...listenerArgs, client }) : arg,
          ),
        );
    },
  });
}
