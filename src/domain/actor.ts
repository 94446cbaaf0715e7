/** Who is acting, independent of the surface they used. */
export interface Actor {
  /** Slack user id (`U…`), or `cli:<name>` for the command line. */
  readonly userId: string;
  /** The channel the request came from, when there is one. */
  readonly channelId?: string;
  readonly source: 'slack' | 'cli';
  /** Set when an approved request is being run on the requester's behalf. */
  readonly requestId?: string;
}
