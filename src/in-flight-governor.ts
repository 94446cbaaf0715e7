/**
 * How many pieces of work after an acknowledgement may run at once, steered by how busy the event loop was.
 *
 * A command's answer costs this process CPU in short steps between waits (parsing, the Admin API call, the reply), so
 * how fast answers leave is set by how many run at once. Acknowledgements need the loop to be idle part of the time:
 * when it is nearly always busy, requests queue in the kernel and every acknowledgement waits. So the number allowed
 * falls quickly when the loop was busier than `HIGH` and rises gradually while it was idle more than `1 - LOW` of the
 * time, settling where the loop keeps room for acknowledgements whatever else runs on the machine.
 */

/** Above this share of busy time, fewer pieces may run… */
export const HIGH = 0.85;
/** …and below this one, more. Between the two the number stays, so it does not swing with every measurement. */
export const LOW = 0.7;

export interface GovernorBounds {
  /** Never fewer than this, so answers keep leaving while acknowledgements alone keep the loop busy. */
  floor: number;
  /** Never more than this: the hard limit on pieces at once. */
  ceiling: number;
}

/** The number allowed after a window in which the event loop was busy `utilisation` (0..1) of the time. */
export function nextAllowed(allowed: number, utilisation: number, bounds: GovernorBounds): number {
  if (utilisation > HIGH) return Math.max(bounds.floor, Math.floor(allowed * 0.7));
  if (utilisation < LOW) return Math.min(bounds.ceiling, allowed + Math.max(1, Math.ceil(allowed / 8)));
  return Math.min(bounds.ceiling, Math.max(bounds.floor, allowed));
}

export interface InFlightClock {
  /** Milliseconds, monotonic. */
  now: () => number;
  /** Share of the time (0..1) the event loop was busy since the previous call. */
  utilisation: () => number;
}

/** The real clock and the event loop's own measure of its busy time. */
export const eventLoopClock = (): InFlightClock => {
  let last = performance.eventLoopUtilization();
  return {
    now: () => performance.now(),
    utilisation: () => {
      const window = performance.eventLoopUtilization(last);
      last = performance.eventLoopUtilization();
      return window.utilization;
    },
  };
};
