import { expect } from 'vitest';

/** Fetches `GET /metrics` from a running bot, checking status and content type. */
export async function scrape(botUrl: string): Promise<string> {
  const response = await fetch(`${botUrl}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

/**
 * The value of one sample in Prometheus text format, `name{a="x",b="y"}`, with labels given in any order;
 * 0 when the sample is absent (a counter that never moved).
 */
export function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels);
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    if (wanted.every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return 0;
}
