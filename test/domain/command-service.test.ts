import { afterEach, describe, expect, it } from 'vitest';
import { ForbiddenError, UsageError } from '../../src/errors.js';
import { ADMIN, APPROVER, buildDomain, type Domain, OPS_CHANNEL, VIEWER } from './fixture.js';

const inOps = (userId: string) => ({ userId, channelId: OPS_CHANNEL, source: 'slack' as const });

describe('command service', () => {
  let d: Domain;
  afterEach(() => d.store.close());

  it('runs a write at once for an admin and audits it with the OpenAI request id', async () => {
    d = await buildDomain();
    const ann = d.users.add('ann@x.com');

    const outcome = await d.commands.handle(inOps(ADMIN), `users role ${ann.id} owner`);

    expect(outcome).toMatchObject({ kind: 'reply', reply: { title: 'ann@x.com is now owner of the organization.' } });
    expect(d.users.members.get(ann.id)?.role).toBe('owner');
    const [entry] = await d.store.listAudit();
    expect(entry).toMatchObject({ event: 'write', actor_id: ADMIN, operation: 'users.role' });
    expect(entry?.openai_request_id).toBe(`req-upd-${ann.id}`);
  });

  it('files a destructive command for approval with its reason, changing nothing', async () => {
    d = await buildDomain();
    const bo = d.users.add('bo@x.com');

    const outcome = await d.commands.handle(inOps(ADMIN), `users remove ${bo.id} --reason "left the company"`);

    if (outcome.kind !== 'reply') throw new Error(`expected a reply, got ${outcome.kind}`);
    expect(outcome.reply.title).toBe(`Sent for approval: Remove bo@x.com (${bo.id}) from the organization.`);
    expect(outcome.reply.notes?.[0]).toMatch(/needs one approval from the approver role and expires/);
    const [request] = await d.store.listByState(['pending']);
    expect(request).toMatchObject({ requester_id: ADMIN, reason: 'left the company', channel_id: OPS_CHANNEL });
    expect(request?.summary).toContain('Undoing this needs a new invitation.');
    expect(d.users.deleted).toEqual([]);
    expect(d.notifier.cards.get(request?.id ?? '')?.votes).toEqual([]);
  });

  it('refuses people the policy does not allow, filing and running nothing', async () => {
    d = await buildDomain();
    const cy = d.users.add('cy@x.com');
    for (const userId of [VIEWER, APPROVER]) {
      await expect(d.commands.handle(inOps(userId), `users remove ${cy.id}`)).rejects.toThrow(ForbiddenError);
      await expect(d.commands.handle(inOps(userId), `users role ${cy.id} owner`)).rejects.toThrow(
        'You are not allowed to make this change (users.role needs the admin role in the policy).',
      );
    }
    expect(await d.store.listByState(['pending'])).toEqual([]);
    expect(await d.store.listAudit()).toEqual([]);
    expect(d.users.members.get(cy.id)?.role).toBe('reader');
  });

  it('answers bad input with what was wrong and the usage line', async () => {
    d = await buildDomain();
    const missing = await d.commands.handle(inOps(ADMIN), 'users remove').catch((error: unknown) => error);
    expect(missing).toBeInstanceOf(UsageError);
    expect((missing as UsageError).usage).toBe('/openai users remove <email|user_id|@mention>');
    await expect(d.commands.handle(inOps(ADMIN), 'usres list')).rejects.toThrow('Did you mean "users list"?');
    await expect(d.commands.handle(inOps(ADMIN), 'users role user-1 admin')).rejects.toThrow(
      '"admin" is not an organization role; use reader or owner.',
    );
    expect(await d.store.listAudit()).toEqual([]);
  });

  it('lets the command line skip channel restrictions but still files destructive changes for approval', async () => {
    d = await buildDomain({ policy: { operations: { 'users.*': { channels: ['CELSEWHERE'] } } } });
    const dee = d.users.add('dee@x.com');
    await expect(d.commands.handle(inOps(ADMIN), `users remove ${dee.id}`)).rejects.toThrow('may only be used');

    const outcome = await d.commands.handle({ userId: 'cli:ops', source: 'cli' }, `users remove ${dee.id}`);

    expect(outcome).toMatchObject({ kind: 'reply', reply: { title: expect.stringContaining('Sent for approval') } });
    const [request] = await d.store.listByState(['pending']);
    expect(await d.approvals.decide(APPROVER, request?.id ?? '', 'approve')).toMatchObject({ kind: 'decided' });
    expect(d.users.deleted).toEqual([dee.id]);
  });

  it('opens the picker for an empty command and lists help for a resource', async () => {
    d = await buildDomain();
    expect(await d.commands.handle(inOps(VIEWER), '')).toEqual({ kind: 'picker' });
    const help = await d.commands.handle(inOps(VIEWER), 'help users');
    if (help.kind !== 'help') throw new Error(`expected help, got ${help.kind}`);
    expect(help.entries.map((e) => e.usage)).toContain('/openai users remove <email|user_id|@mention>');
  });

  it('opens the form of an operation taking long input when typed alone in chat, and asks the command line instead', async () => {
    d = await buildDomain();
    const outcome = await d.commands.handle(inOps(ADMIN), 'certificates upload --reason rotation');
    expect(outcome).toMatchObject({ kind: 'form', operation: { name: 'certificates.upload' } });
    await expect(d.commands.handle(inOps(VIEWER), 'certificates upload')).rejects.toThrow(ForbiddenError);
    const typed = await d.commands
      .handle({ userId: 'cli:ops', source: 'cli' }, 'certificates upload')
      .catch((error: unknown) => error);
    expect(typed).toBeInstanceOf(UsageError);
    expect((typed as UsageError).message).toBe('Missing <name>.');
    expect(await d.store.listAudit()).toEqual([]);
  });
});
