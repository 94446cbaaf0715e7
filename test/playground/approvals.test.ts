import { describe, expect, it } from 'vitest';
import { consoleSuite } from '../helpers/console-suite.js';
import { activeProjects } from '../helpers/playground-projects.js';

const suite = consoleSuite();
const { say } = suite;

const actAs = (label: string) => suite.page.getByRole('combobox', { name: 'Acting as' }).selectOption({ label });
const log = () => suite.page.getByRole('log');

describe('the playground console, driven as people use it', () => {
  it('lets an admin invite someone with /openai invite, answering only them', async () => {
    await suite.page.getByRole('link', { name: 'ops', exact: true }).click();
    await say('/openai invite newhire@example.com reader');
    const answer = log().getByRole('article').filter({ hasText: 'newhire@example.com' }).last();
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain('Only visible to you');
    const invited = [...suite.playground.organization.state.invites.values()].map((invite) => invite.email);
    expect(invited).toContain('newhire@example.com');
    await suite.browser.screenshot('invite');
  });

  it('refuses the requester’s own approval of a destructive change and runs it once a second person approves', async () => {
    const target = activeProjects(suite.playground.organization.state).at(-1);
    if (!target) throw new Error('the seeded organization has no project to archive');
    await say(`/openai projects archive "${target.name}"`);
    await expect.poll(() => log().textContent(), { timeout: 10_000 }).toMatch(/approval/i);
    await suite.page.getByRole('link', { name: 'approvals', exact: true }).click();
    const card = log().getByRole('article').filter({ hasText: target.name }).last();
    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    const confirm = suite.page.getByRole('dialog', { name: /^Approve request req_/ });
    await expect.poll(() => confirm.isVisible()).toBe(true);
    await suite.browser.screenshot('approval-confirm');
    await confirm.getByRole('button', { name: 'Approve and run' }).click();
    const refusal = log().getByRole('article').filter({ hasText: 'You cannot approve your own request' });
    await expect.poll(() => refusal.count(), { timeout: 10_000 }).toBe(1);
    expect(await refusal.textContent()).toContain('Only visible to you');
    const archivedAt = () => suite.playground.organization.state.projects.get(target.id)?.archivedAt ?? null;
    expect(archivedAt()).toBeNull();

    await actAs('Grace Hopper (approver)');
    expect(await refusal.count()).toBe(0);
    await card.getByRole('button', { name: 'Approve', exact: true }).click();
    await suite.page
      .getByRole('dialog', { name: /^Approve request req_/ })
      .getByRole('button', { name: 'Approve and run' })
      .click();
    await expect.poll(archivedAt, { timeout: 10_000 }).not.toBeNull();
    await expect.poll(() => card.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(0);
    await suite.browser.screenshot('approval-approved');

    await actAs('Ada Lovelace (policy admin)');
    await suite.page.getByRole('tab', { name: 'Messages' }).click();
    const note = suite.page.getByRole('tabpanel', { name: 'Messages' }).getByRole('log');
    await expect.poll(() => note.textContent(), { timeout: 10_000 }).toContain(target.name);
    await suite.browser.screenshot('requester-dm');
  });

  it('shows an approver what awaits them on the Home tab', async () => {
    await actAs('Ada Lovelace (policy admin)');
    await suite.page.getByRole('link', { name: 'ops', exact: true }).click();
    const [other] = activeProjects(suite.playground.organization.state);
    if (!other) throw new Error('the seeded organization has no project left to archive');
    await say(`/openai projects archive ${other.id}`);
    await expect.poll(() => log().textContent(), { timeout: 10_000 }).toContain(other.name);
    await actAs('Alan Turing (approver)');
    await suite.page.getByRole('tab', { name: 'Home' }).click();
    const home = suite.page.getByRole('tabpanel', { name: 'Home' });
    await expect.poll(() => home.textContent(), { timeout: 10_000 }).toContain('Awaiting your approval');
    await expect.poll(() => home.textContent()).toContain(other.name);
    expect(await home.getByRole('button', { name: 'Approve', exact: true }).count()).toBe(1);
    expect(await suite.page.getByRole('tab', { name: 'Home' }).getAttribute('aria-selected')).toBe('true');
    await suite.browser.screenshot('app-home');
  });
});
