import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import type { Logger } from 'pino';

/** Where Slack's response URLs live. */
const SLACK_HOOKS_ORIGIN = 'https://hooks.slack.com';

const originOf = (url: string): string | undefined => {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
};

/** Every response URL a payload offers (`response_url`, and `response_urls` of a view submission). */
function responseUrlsOf(body: unknown): string[] {
  const { response_url: one, response_urls: many } = (body ?? {}) as {
    response_url?: unknown;
    response_urls?: unknown;
  };
  const listed = Array.isArray(many) ? many.map((entry) => (entry as { response_url?: unknown })?.response_url) : [];
  return [one, ...listed].filter((url): url is string => typeof url === 'string');
}

/** Whether `url` is on Slack's hooks host or the configured Web API host. */
export function isSlackResponseUrl(url: string, apiUrl: string): boolean {
  const origin = originOf(url);
  return origin === SLACK_HOOKS_ORIGIN || (origin !== undefined && origin === originOf(apiUrl));
}

/**
 * Global middleware: a payload whose response URL points anywhere but Slack's hooks host (or the configured Web API
 * host, which tests and proxies use) is acknowledged, not acted on, and logged, so the bot never posts replies, and
 * whatever they carry, to a server someone else chose.
 */
export function requireSlackResponseUrl(apiUrl: string, logger: Logger): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const foreign = responseUrlsOf(args.body).find((url) => !isSlackResponseUrl(url, apiUrl));
    if (foreign === undefined) {
      await args.next();
      return;
    }
    logger.warn(
      { origin: originOf(foreign) ?? 'unreadable' },
      'refused a request whose response_url is not on Slack’s host',
    );
    const { ack } = args as { ack?: () => Promise<void> };
    if (typeof ack === 'function') await ack();
  };
}
