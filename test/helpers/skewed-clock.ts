// Preloaded with `--import` into a bot process whose wall clock should run ahead (or behind) by
// TEST_CLOCK_OFFSET_MS milliseconds: `Date.now()` and `new Date()` both see the skewed time.
const offset = Number(process.env.TEST_CLOCK_OFFSET_MS ?? '0');

if (offset !== 0) {
  const RealDate = Date;
  class SkewedDate extends RealDate {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...(args as [number]));
    }
    static override now(): number {
      return RealDate.now() + offset;
    }
  }
  globalThis.Date = SkewedDate as DateConstructor;
}
