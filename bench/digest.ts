import { pino } from 'pino';
import { renderSpendChart } from '../src/chart/render-png.js';
import { collect } from '../src/domain/admin-api/collect.js';
import { buildDigest } from '../src/domain/digests/spend-digest.js';
import { fetchSpendSnapshot } from '../src/domain/digests/spend-snapshot.js';
import { createAdminApi } from '../src/openai-admin/index.js';
import { renderDigest } from '../src/slack/blocks/digest.js';
import { startFakeAdminApi } from '../test/helpers/fake-admin-api/index.js';
import { fmt, printTable } from './stats.js';

const ADMIN_KEY = 'sk-admin-bench-key';
const NOW = new Date('2026-03-31T12:00:00Z');
const CONCURRENCY = 8;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** Samples memory every few milliseconds until stopped; returns the peaks. */
function sampleMemory(): () => { rss: number; heapUsed: number } {
  const peak = { rss: 0, heapUsed: 0 };
  const take = () => {
    const { rss, heapUsed } = process.memoryUsage();
    peak.rss = Math.max(peak.rss, rss);
    peak.heapUsed = Math.max(peak.heapUsed, heapUsed);
  };
  take();
  const timer = setInterval(take, 5);
  return () => {
    clearInterval(timer);
    take();
    return peak;
  };
}

/**
 * One spend digest for `projects` projects × `days` days of costs, the fake Admin API answering after
 * `latencyMs`: Admin API calls against the minimum the digest needs, wall time against the lower bound
 * that latency and the concurrency cap allow (one call measured in the same run), and peak memory.
 */
export async function benchDigest(projects = 1_000, days = 30, latencyMs = 50): Promise<boolean> {
  const openai = await startFakeAdminApi({ adminKey: ADMIN_KEY });
  for (let p = 1; p <= projects; p++) {
    const project = openai.state.addProject({ name: `Project ${p}` });
    for (let d = 1; d <= days; d++) {
      openai.state.addCost({
        projectId: project.id,
        day: `2026-03-${String(d).padStart(2, '0')}`,
        amount: (p % 17) + d / 10,
      });
    }
    openai.state.addSpendAlert({ projectId: project.id, thresholdAmount: 50_000 + p * 100, recipients: ['a@x.com'] });
  }
  openai.state.now = NOW.getTime() / 1000;
  openai.setDelay(latencyMs);
  const admin = createAdminApi({ baseUrl: openai.url, adminKey: ADMIN_KEY, logger: pino({ level: 'silent' }) });

  const probes: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await collect(admin.spendAlerts.list(null));
    probes.push(performance.now() - started);
  }
  const oneCall = probes.slice(1).reduce((a, b) => a + b, 0) / (probes.length - 1);

  globalThis.gc?.();
  const before = process.memoryUsage();
  openai.requests.length = 0;
  const stopSampling = sampleMemory();
  const started = performance.now();
  const snapshot = await fetchSpendSnapshot(admin, { now: NOW, concurrency: CONCURRENCY });
  const digest = buildDigest(snapshot);
  const message = renderDigest(digest);
  const fetchedAt = performance.now();
  const png = await renderSpendChart({
    title: 'Daily spend',
    daysInMonth: digest.daysInMonth,
    series: digest.chart ?? [],
  });
  const wall = performance.now() - started;
  const peak = stopSampling();

  const projectCount = projects + 1; // the organization's default project is listed too
  const minimumCalls = 1 + Math.ceil(projectCount / 100) + projects + 1;
  const calls = openai.requests.length;
  const lowerBound = (1 + Math.ceil(projects / CONCURRENCY)) * oneCall;
  const ratio = (fetchedAt - started) / lowerBound;
  const ok = calls === minimumCalls && ratio <= 1.5 && message.blocks.length <= 50 && png.length > 0;
  console.log(`\nSpend digest: ${projects} projects × ${days} days, Admin API answering after ${latencyMs} ms`);
  printTable(
    [
      'API calls',
      'minimum',
      'one call',
      'fetch+build',
      'lower bound',
      'ratio',
      'with chart',
      'peak rss',
      'peak heap',
      'target',
    ],
    [
      [
        calls,
        minimumCalls,
        fmt(oneCall),
        fmt(fetchedAt - started),
        fmt(lowerBound),
        ratio.toFixed(2),
        fmt(wall),
        `${mb(peak.rss)} (+${mb(peak.rss - before.rss)})`,
        `${mb(peak.heapUsed)} (+${mb(Math.max(0, peak.heapUsed - before.heapUsed))})`,
        ok ? 'ok' : 'MISS',
      ],
    ],
  );
  console.log(
    `Minimum: 1 costs page + ${Math.ceil(projectCount / 100)} project pages + ${projects} project alert lists + 1 org ` +
      `alert list. Lower bound: the costs call, then ${projects} alert calls ${CONCURRENCY} at a time. ` +
      'Memory includes the fake Admin API running in the same process.',
  );
  await admin.close();
  await openai.close();
  return ok;
}
