import { Pool } from 'undici';
import { commandBody, sign } from '../test/helpers/slack-requests.js';

/** What became of each command of a flood, by its index. */
export interface FloodRecord {
  sent: number;
  /** Commands not sent because too many were outstanding (the load generator's own bound). */
  skipped: number;
  /** Ack latency in ms of each acknowledged command. */
  ackMs: number[];
  acked: Uint8Array;
  busy: Uint8Array;
  /** When the command's answer reached its response_url (performance.now()), 0 while none. */
  answeredAt: Float64Array;
  startedAt: number;
  endedAt: number;
}

/** Where one flood's answers arrive (answer-sink.ts). */
export interface AnswerSession {
  readonly url: string;
  /** When each command's first answer arrived (this thread's performance.now()), 0 while none. */
  readonly answeredAt: Float64Array;
}

/**
 * Sends `/openai <text>` as signed commands at `rate` per second for `seconds`, open loop (on a schedule, not
 * waiting for answers), with at most `maxOutstanding` unanswered requests at a time.
 */
export async function flood(
  targetUrl: string,
  answers: AnswerSession,
  options: { rate: number; seconds: number; text: string; maxOutstanding?: number },
): Promise<FloodRecord> {
  const total = Math.round(options.rate * options.seconds);
  const maxOutstanding = options.maxOutstanding ?? 4_000;
  const pool = new Pool(targetUrl, { connections: 128, keepAliveTimeout: 30_000 });
  const record: FloodRecord = {
    sent: 0,
    skipped: 0,
    ackMs: [],
    acked: new Uint8Array(total),
    busy: new Uint8Array(total),
    answeredAt: answers.answeredAt,
    startedAt: performance.now(),
    endedAt: 0,
  };
  let outstanding = 0;
  const pending = new Set<Promise<void>>();
  const send = (index: number) => {
    const body = commandBody({ text: options.text, responseUrl: `${answers.url}/response/f${index}` });
    const timestamp = Math.floor(Date.now() / 1000);
    const started = performance.now();
    outstanding += 1;
    const done = pool
      .request({
        path: '/slack/events',
        method: 'POST',
        body,
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-slack-request-timestamp': String(timestamp),
          'x-slack-signature': sign(body, timestamp),
        },
      })
      .then(async (response) => {
        const text = await response.body.text();
        if (response.statusCode !== 200) return;
        record.ackMs.push(performance.now() - started);
        record.acked[index] = 1;
        if (text.includes('busy')) record.busy[index] = 1;
      })
      .catch(() => undefined)
      .finally(() => {
        outstanding -= 1;
        pending.delete(done);
      });
    pending.add(done);
  };
  let index = 0;
  const endAt = record.startedAt + options.seconds * 1_000;
  while (index < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - record.startedAt) / 1_000) * options.rate));
    for (; index < due; index++) {
      if (outstanding >= maxOutstanding) record.skipped += 1;
      else {
        send(index);
        record.sent += 1;
      }
    }
    if (now >= endAt) break;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  record.endedAt = performance.now();
  await Promise.all([...pending]);
  await pool.close();
  return record;
}
