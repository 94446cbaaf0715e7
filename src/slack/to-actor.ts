import type { Actor } from '../domain/actor.js';

/** The acting person of a Slack payload. */
export const toActor = (userId: string, channelId?: string): Actor => ({
  userId,
  source: 'slack',
  ...(channelId ? { channelId } : {}),
});
