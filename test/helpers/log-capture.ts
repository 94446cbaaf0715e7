import { Writable } from 'node:stream';

/** A stream for the bot's own logger whose lines are kept in memory for assertions. */
export function captureLines(): { destination: Writable; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(...String(chunk).split('\n').filter(Boolean));
      done();
    },
  });
  return { destination, lines };
}
