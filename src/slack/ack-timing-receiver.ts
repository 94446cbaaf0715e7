import type { App, Receiver, ReceiverEvent } from '@slack/bolt';

/** Reports how long each request waited for its acknowledgement, by kind of request. */
export type AckObserver = (kind: string, seconds: number) => void;

const KINDS = new Set([
  'block_actions',
  'block_suggestion',
  'view_submission',
  'view_closed',
  'shortcut',
  'message_action',
  'event_callback',
]);

const kindOf = (body: ReceiverEvent['body']): string => {
  if (typeof body.command === 'string') return 'command';
  return typeof body.type === 'string' && KINDS.has(body.type) ? body.type : 'other';
};

/**
 * Wraps a Bolt receiver (HTTP or Socket Mode) so every event's `ack` reports the time from the event's arrival
 * at the app to the acknowledgement, whichever listener sends it.
 */
export class AckTimingReceiver implements Receiver {
  readonly inner: Receiver;
  readonly #observe: AckObserver;

  constructor(inner: Receiver, observe: AckObserver) {
    this.inner = inner;
    this.#observe = observe;
  }

  init(app: App): void {
    // The receiver only calls processEvent; everything else is the app itself.
    const timed = Object.create(app) as App;
    timed.processEvent = (event: ReceiverEvent) => app.processEvent(this.#timed(event));
    this.inner.init(timed);
  }

  start(...args: unknown[]): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: unknown[]): Promise<unknown> {
    return this.inner.stop(...args);
  }

  #timed(event: ReceiverEvent): ReceiverEvent {
    const arrived = performance.now();
    const ack = event.ack;
    let reported = false;
    return {
      ...event,
      ack: async (response?: unknown) => {
        try {
          return await ack(response);
        } finally {
          if (!reported) {
            reported = true;
            this.#observe(kindOf(event.body), (performance.now() - arrived) / 1000);
          }
        }
      },
    };
  }
}
