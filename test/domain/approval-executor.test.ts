import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApprovalExecutor } from '../../src/domain/approvals/approval-executor.js';
import type { ApprovalCard, ApprovalNotifier } from '../../src/domain/approvals/ports.js';
import { type AnyOperation, defineOperation } from '../../src/domain/operations/operation.js';
import type { OperationDeps } from '../../src/domain/ports.js';
import { createAdminApi } from '../../src/openai-admin/index.js';
import { createStore } from '../../src/storage/create-store.js';
import type { Store } from '../../src/storage/store.js';
import { newRequest } from '../storage/contract/harness.js';

const FIXED_NOW = Date.UTC(2026, 0, 15, 9, 30);
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An Admin API call that answers when the test says so. */
class SlowCall {
  #release: (() => void) | undefined;
  started = false;
  readonly operation: AnyOperation = defineOperation({
    name: 'test.slow',
    words: ['test', 'slow'],
    summary: 'An operation whose Admin API call answers when the test releases it',
    args: [],
    input: z.object({}),
    risk: 'destructive',
    describe: () => 'Run the slow call',
    run: async (_deps, _input, actor) => {
      this.started = true;
      await new Promise<void>((resolve) => {
        this.#release = resolve;
      });
      return { title: `Ran for a ${actor.source} requester`, requestId: 'req_openai_slow' };
    },
  });

  release(): void {
    this.#release?.();
  }
}

/** Remembers every card and requester note, as the chat would show them. */
class RecordingNotifier implements ApprovalNotifier {
  readonly cards: ApprovalCard[] = [];
  readonly told: ApprovalCard[] = [];
  async postCard() {
    return { channel: 'C_APPROVALS', ts: '1.0' };
  }
  async updateCard(card: ApprovalCard) {
    this.cards.push(card);
  }
  async tellRequester(card: ApprovalCard) {
    this.told.push(card);
  }
}

const stores: Store[] = [];
afterEach(async () => {
  await Promise.all(stores.splice(0).map((store) => store.close()));
});

async function setUp(options: { leaseTtlMs: number; store?: Store; now?: () => Date }) {
  const store = options.store ?? (await createStore('sqlite::memory:'));
  if (!options.store) stores.push(store);
  const slow = new SlowCall();
  const notifier = new RecordingNotifier();
  const deps: OperationDeps = {
    admin: createAdminApi({ baseUrl: 'http://127.0.0.1:9/v1', adminKey: 'sk-admin-unused' }),
    store,
    now: options.now ?? (() => new Date(FIXED_NOW)),
  };
  const executor = new ApprovalExecutor([slow.operation], deps, notifier, { leaseTtlMs: options.leaseTtlMs });
  return { store, slow, notifier, executor };
}

const approvedRequest = (source: 'slack' | 'cli' = 'slack') =>
  newRequest({ operation: 'test.slow', input: {}, state: 'approved', requester_source: source });

async function waitUntil(check: () => boolean | Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i++) {
    if (await check()) return;
    await pause(10);
  }
  throw new Error(`never happened: ${what}`);
}

describe('approval executor', () => {
  it('never marks its own running execution outcome_unknown when the call outlasts the lease and several sweeps', async () => {
    const { store, slow, notifier, executor } = await setUp({ leaseTtlMs: 150 });
    const request = await store.insert(approvedRequest());
    const running = executor.execute(request);
    await waitUntil(() => slow.started, 'the operation started');
    for (let sweep = 0; sweep < 6; sweep++) {
      await pause(100);
      await executor.recover();
    }
    expect((await store.get(request.id))?.state).toBe('executing');
    slow.release();
    const final = await running;
    expect(final).toMatchObject({ state: 'succeeded', openai_request_id: 'req_openai_slow' });
    const events = await store.listAudit({ requestId: request.id });
    expect(events.map((e) => e.event)).toEqual(['executed']);
    expect(events[0]?.openai_request_id).toBe('req_openai_slow');
    expect(notifier.told.map((card) => card.request.state)).toEqual(['succeeded']);
  });

  it('leaves a live execution alone when another replica sweeps the same database', async () => {
    const a = await setUp({ leaseTtlMs: 150 });
    const b = await setUp({ leaseTtlMs: 150, store: a.store, now: () => new Date(Date.now() + 10 * 60_000) });
    const request = await a.store.insert(approvedRequest());
    const running = a.executor.execute(request);
    await waitUntil(() => a.slow.started, 'the operation started');
    for (let sweep = 0; sweep < 5; sweep++) {
      await pause(100);
      await b.executor.recover();
    }
    a.slow.release();
    expect(await running).toMatchObject({ state: 'succeeded' });
    expect(b.notifier.told).toEqual([]);
  });

  it('reports an execution whose replica stopped renewing its lease as outcome_unknown, once', async () => {
    const a = await setUp({ leaseTtlMs: 150 });
    const b = await setUp({ leaseTtlMs: 150, store: a.store });
    const request = await a.store.insert(approvedRequest('slack'));
    await a.store.transition(request.id, 'approved', 'executing');
    await a.store.acquireLease(`execution:${request.id}`, 'run-of-a-dead-replica', 150);
    await b.executor.recover();
    expect((await a.store.get(request.id))?.state).toBe('executing');
    await pause(250);
    await Promise.all([b.executor.recover(), b.executor.recover()]);
    expect((await a.store.get(request.id))?.state).toBe('outcome_unknown');
    expect((await a.store.listAudit({ requestId: request.id })).map((e) => e.event)).toEqual(['outcome_unknown']);
  });

  it('corrects outcome_unknown with the real result when a run that could not renew its lease finishes', async () => {
    const shared = await createStore('sqlite::memory:');
    stores.push(shared);
    // This replica's renewals never reach the database, so its lease lapses while the call is still running.
    const cutOff: Store = { ...shared, renewLease: async () => false };
    const a = await setUp({ leaseTtlMs: 150, store: cutOff });
    const b = await setUp({ leaseTtlMs: 150, store: shared });
    const request = await shared.insert(approvedRequest());
    const running = a.executor.execute(request);
    await waitUntil(() => a.slow.started, 'the operation started');
    await pause(250);
    await b.executor.recover();
    expect((await shared.get(request.id))?.state).toBe('outcome_unknown');
    a.slow.release();
    expect(await running).toMatchObject({ state: 'succeeded', openai_request_id: 'req_openai_slow' });
    const events = await shared.listAudit({ requestId: request.id });
    expect(events.map((e) => e.event)).toEqual(['outcome_unknown', 'executed']);
    expect(a.notifier.told.map((card) => card.request.state)).toEqual(['succeeded']);
  });

  it('stops renewing and frees the lease even when reading votes for the card fails', async () => {
    const { store, slow, executor } = await setUp({ leaseTtlMs: 150 });
    let failuresLeft = 1;
    const listApprovals = store.listApprovals.bind(store);
    store.listApprovals = async (id) => {
      if (failuresLeft-- > 0) throw new Error('database went away for a moment');
      return listApprovals(id);
    };
    const request = await store.insert(approvedRequest());
    const running = executor.execute(request);
    await waitUntil(() => slow.started, 'the operation started');
    slow.release();
    expect(await running).toMatchObject({ state: 'succeeded' });
    await pause(200);
    expect(await store.acquireLease(`execution:${request.id}`, 'someone-else', 60_000)).toBe(true);
  });

  it('runs with the requester’s real source and stamps the audit row with the injected clock', async () => {
    const { store, slow, executor } = await setUp({ leaseTtlMs: 60_000 });
    const request = await store.insert(approvedRequest('cli'));
    const running = executor.execute(request);
    await waitUntil(() => slow.started, 'the operation started');
    slow.release();
    const final = await running;
    expect(final?.result).toMatchObject({ title: 'Ran for a cli requester' });
    const [executed] = await store.listAudit({ requestId: request.id });
    expect(executed?.at).toBe(FIXED_NOW);
  });
});

describe('approval executor and the stored input', () => {
  /** An operation that remembers the input each run got; its schema lower-cases names and wants whole cents. */
  function recordingOperation() {
    const runs: unknown[] = [];
    const operation = defineOperation({
      name: 'test.record',
      words: ['test', 'record'],
      summary: 'An operation that records the input it runs with',
      args: [],
      input: z.object({ name: z.string().trim().toLowerCase(), cents: z.int().min(1) }),
      risk: 'destructive',
      describe: (input) => `Record ${input.name}`,
      run: async (_deps, input) => {
        runs.push(input);
        return { title: `Recorded ${input.name}` };
      },
    });
    return { operation, runs };
  }

  async function executorFor(operation: AnyOperation) {
    const store = await createStore('sqlite::memory:');
    stores.push(store);
    const notifier = new RecordingNotifier();
    const deps: OperationDeps = {
      admin: createAdminApi({ baseUrl: 'http://127.0.0.1:9/v1', adminKey: 'sk-admin-unused' }),
      store,
      now: () => new Date(FIXED_NOW),
    };
    return { store, notifier, executor: new ApprovalExecutor([operation], deps, notifier, { leaseTtlMs: 60_000 }) };
  }

  it('runs what the operation’s schema makes of the stored input now', async () => {
    const { operation, runs } = recordingOperation();
    const { store, executor } = await executorFor(operation);
    const request = await store.insert(
      newRequest({ operation: 'test.record', input: { name: '  Ada ', cents: 500 }, state: 'approved' }),
    );
    expect(await executor.execute(request)).toMatchObject({ state: 'succeeded' });
    expect(runs).toEqual([{ name: 'ada', cents: 500 }]);
  });

  it('fails a request whose stored input no longer parses, says why, and never runs it', async () => {
    const { operation, runs } = recordingOperation();
    const { store, notifier, executor } = await executorFor(operation);
    const request = await store.insert(
      newRequest({ operation: 'test.record', input: { name: 'ada', cents: '5 dollars' }, state: 'approved' }),
    );
    const final = await executor.execute(request);
    expect(runs).toEqual([]);
    expect(final?.state).toBe('failed');
    const reason =
      'It was not run: what the request holds no longer fits what test.record takes ' +
      '(cents: Invalid input: expected number, received string). Nothing was changed; ask again if it is still wanted.';
    expect(final?.error).toEqual({ message: reason, request_id: null });
    expect(notifier.cards.at(-1)?.request.state).toBe('failed');
    expect(notifier.told.map((card) => card.request.error)).toEqual([{ message: reason, request_id: null }]);
    expect((await store.listAudit({ requestId: request.id })).map((e) => e.event)).toEqual(['failed']);
  });
});
