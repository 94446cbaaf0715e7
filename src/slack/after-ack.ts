import { BusyError, type InFlight } from '../in-flight.js';
import type { ReplyError } from './services.js';

/** What queuing work needs: the bounded queue, and the error edge for failures. */
interface AfterAckServices {
  readonly inFlight: InFlight;
  readonly replyError: ReplyError;
}

/**
 * Queues `work` to run once the request is acknowledged, and returns false, having started nothing, when too much
 * already waits. The listener does not wait for the work, so Bolt lets go of the request (its sockets, buffers and
 * middleware) as soon as it is acknowledged, and a queue of thousands holds little more than their payloads. A
 * failure of the work goes to the error edge, as if the listener had thrown it; shutdown waits for both.
 */
export function queueAfterAck(
  services: AfterAckServices,
  body: unknown,
  work: () => Promise<void>,
  options: { unpaced?: boolean } = {},
): boolean {
  return services.inFlight.tryQueue(async () => {
    try {
      await work();
    } catch (error) {
      await services.replyError(error, body);
    }
  }, options);
}

/** As `queueAfterAck`, for listeners whose refusal goes through the error edge: a full queue throws BusyError. */
export function afterAckOrBusy(
  services: AfterAckServices,
  body: unknown,
  work: () => Promise<void>,
  options: { unpaced?: boolean } = {},
): void {
  if (!queueAfterAck(services, body, work, options)) throw new BusyError();
}
