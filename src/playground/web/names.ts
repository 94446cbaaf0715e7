import type { Names } from './block-kit/mrkdwn.js';
import type { Hello } from './types.js';

/** How mentions read: people by their real names, channels by theirs, the bot by the app's name. */
export function namesOf(hello: Hello | undefined): Names & { author(id: string): string } {
  const user = (id: string) =>
    hello?.users.find((u) => u.id === id)?.realName ?? (id === hello?.app.botUserId ? hello?.app.name : undefined);
  return {
    user,
    channel: (id) => hello?.channels.find((c) => c.id === id)?.name,
    author: (id) => (id === 'USLACKBOT' ? 'Slackbot' : (user(id) ?? id)),
  };
}
