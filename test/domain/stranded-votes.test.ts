import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createStore } from '../../src/storage/create-store.js';
import { failSqliteTransitionsTo } from '../helpers/sql-faults.js';
import { APPROVER, APPROVER2, buildDomain, type Domain, fileRemoval } from './fixture.js';

describe('a vote never strands a request', () => {
  let d: Domain;
  const dirs: string[] = [];
  afterEach(async () => {
    await d.store.close();
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  const fileDomain = async (policy?: Record<string, unknown>) => {
    const dir = mkdtempSync(join(tmpdir(), 'stranded-'));
    dirs.push(dir);
    const path = join(dir, 'bot.db');
    d = await buildDomain({ store: await createStore(`sqlite:${path}`), ...(policy ? { policy } : {}) });
    return path;
  };

  it('keeps the request approvable when the store fails between the vote and the transition', async () => {
    const path = await fileDomain();
    const zed = d.users.add('zed@x.com');
    const id = await fileRemoval(d, zed.id);

    const heal = await failSqliteTransitionsTo(path, 'approved');
    await expect(d.approvals.decide(APPROVER, id, 'approve')).rejects.toThrow('injected fault');
    await heal();
    expect((await d.store.get(id))?.state).toBe('pending');

    const retry = await d.approvals.decide(APPROVER, id, 'approve');

    expect(retry.kind).toBe('decided');
    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', decided_by: APPROVER });
    expect(d.users.deleted).toEqual([zed.id]);
    await d.sweeper.sweep();
    expect(d.users.deleted).toEqual([zed.id]);
  });

  it('counts every vote once when the last one fails and is given again (2 of 2)', async () => {
    const path = await fileDomain({ operations: { 'users.remove': { approvals: 2 } } });
    const amy = d.users.add('amy@x.com');
    const id = await fileRemoval(d, amy.id);
    await d.approvals.decide(APPROVER, id, 'approve');

    const heal = await failSqliteTransitionsTo(path, 'approved');
    await expect(d.approvals.decide(APPROVER2, id, 'approve')).rejects.toThrow('injected fault');
    await heal();
    expect((await d.approvals.decide(APPROVER2, id, 'approve')).kind).toBe('decided');

    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', decided_by: APPROVER2 });
    expect((await d.store.listApprovals(id)).map((v) => v.user_id)).toEqual([APPROVER, APPROVER2]);
    expect(d.users.deleted).toEqual([amy.id]);
  });

  it('completes a request whose recorded votes already meet its requirement on the next click, even a voter’s', async () => {
    d = await buildDomain();
    const ben = d.users.add('ben@x.com');
    const id = await fileRemoval(d, ben.id);
    await d.store.addApproval(id, APPROVER, d.clock.ms);

    const click = await d.approvals.decide(APPROVER, id, 'approve');

    expect(click.kind).toBe('decided');
    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', decided_by: APPROVER });
    expect(d.users.deleted).toEqual([ben.id]);
  });

  it('lets the sweeper complete a request left pending with its approvals met, once', async () => {
    d = await buildDomain({ policy: { operations: { 'users.remove': { approvals: 2 } } } });
    const cal = d.users.add('cal@x.com');
    const waiting = d.users.add('dee@x.com');
    const id = await fileRemoval(d, cal.id);
    const other = await fileRemoval(d, waiting.id);
    await d.store.addApproval(id, APPROVER, d.clock.ms);
    await d.store.addApproval(id, APPROVER2, d.clock.ms + 1);
    await d.store.addApproval(other, APPROVER, d.clock.ms);

    await Promise.all([d.sweeper.sweep(), d.sweeper.sweep()]);
    await d.sweeper.sweep();

    expect(await d.store.get(id)).toMatchObject({ state: 'succeeded', decided_by: APPROVER2 });
    expect((await d.store.get(other))?.state).toBe('pending');
    expect(d.users.deleted).toEqual([cal.id]);
    const audit = (await d.store.listAudit({ requestId: id })).map((e) => e.event);
    expect(audit).toEqual(['requested', 'approved', 'executed']);
  });
});
