import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { consoleSuite } from '../helpers/console-suite.js';
import { activeProjects } from '../helpers/playground-projects.js';

const suite = consoleSuite();
const { say } = suite;

// The suite is type-checked without the DOM's types: page functions reach the document through their element.
const focusedIn = (locator: Locator) =>
  locator.evaluate((element) => element.contains(element.ownerDocument.activeElement));
const isFocused = (locator: Locator) => locator.evaluate((element) => element === element.ownerDocument.activeElement);

describe('forms and digests in the playground console', () => {
  it('opens the form picker, shows the bot’s validation error inline, and closes with Escape', async () => {
    await say('/openai');
    const picker = suite.page.getByRole('dialog', { name: 'OpenAI organization' });
    await expect.poll(() => picker.isVisible(), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => focusedIn(picker)).toBe(true);
    await picker
      .getByRole('combobox', { name: 'Choose an operation' })
      .selectOption({ label: 'Invite someone to the organization, optionally straight into projects' });
    const form = suite.page.getByRole('dialog', { name: 'invite' });
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(true);
    const email = form.getByRole('textbox', { name: 'Email' });
    await email.fill('not-an-email');
    await form.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => email.getAttribute('aria-invalid'), { timeout: 10_000 }).toBe('true');
    const error = await form.locator('.bk-error').textContent();
    expect(error).toMatch(/email/i);
    await expect.poll(() => isFocused(email)).toBe(true);
    expect(await email.getAttribute('aria-describedby')).toMatch(/error/);
    await suite.browser.screenshot('form-inline-error');
    expect([...suite.playground.organization.state.invites.values()].map((i) => i.email)).not.toContain('not-an-email');

    await suite.page.keyboard.press('Escape');
    await expect.poll(() => suite.page.getByRole('dialog').count()).toBe(0);
    await expect.poll(() => isFocused(suite.page.getByRole('textbox', { name: 'Message' }))).toBe(true);
  });

  it('completes a form with a project the bot suggests as the person types, and runs it', async () => {
    await say('/openai');
    await suite.page
      .getByRole('dialog', { name: 'OpenAI organization' })
      .getByRole('combobox', { name: 'Choose an operation' })
      .selectOption({ label: 'Invite someone to the organization, optionally straight into projects' });
    const form = suite.page.getByRole('dialog', { name: 'invite' });
    await expect.poll(() => form.isVisible(), { timeout: 10_000 }).toBe(true);
    await form.getByRole('textbox', { name: 'Email' }).fill('lin@example.com');
    await form.getByRole('combobox', { name: 'Role' }).selectOption({ label: 'owner' });
    const [wanted] = activeProjects(suite.playground.organization.state);
    if (!wanted) throw new Error('the seeded organization has no project');
    const project = form.getByRole('combobox', { name: 'Project' });
    await project.fill(wanted.name.slice(0, 5));
    const option = form.getByRole('option', { name: wanted.name });
    await expect.poll(() => option.count(), { timeout: 10_000 }).toBe(1);
    await project.press('ArrowDown');
    await project.press('Enter');
    await expect.poll(() => form.getByRole('list', { name: 'Chosen' }).textContent()).toContain(wanted.name);
    await suite.browser.screenshot('form-suggestion');
    await form.getByRole('button', { name: 'Run' }).click();
    await expect.poll(() => suite.page.getByRole('dialog').count(), { timeout: 10_000 }).toBe(0);
    const invite = () =>
      [...suite.playground.organization.state.invites.values()].find((i) => i.email === 'lin@example.com');
    await expect.poll(() => invite()?.role, { timeout: 10_000 }).toBe('owner');
    expect(invite()?.projects?.map((p) => p.id)).toEqual([wanted.id]);
    const answer = suite.page.getByRole('log').getByRole('article').filter({ hasText: 'lin@example.com' });
    await expect.poll(() => answer.textContent(), { timeout: 10_000 }).toContain('Only visible to you');
  });

  it('posts the scheduled spend digest in #ops with its chart in the thread', async () => {
    await suite.page.getByRole('link', { name: 'ops', exact: true }).click();
    const digest = suite.page.getByRole('log').getByRole('article').filter({ hasText: 'Spend digest' }).first();
    await expect.poll(() => digest.count(), { timeout: 10_000 }).toBe(1);
    await digest.getByRole('button', { name: '1 reply' }).click();
    const thread = suite.page.getByRole('region', { name: 'Thread' });
    const chart = thread.getByRole('img', { name: /Bar chart of daily spend/ });
    await expect.poll(() => chart.count(), { timeout: 10_000 }).toBe(1);
    await expect
      .poll(() => chart.evaluate((image) => ('naturalWidth' in image && image.complete ? image.naturalWidth : 0)))
      .toBeGreaterThan(100);
    await chart.scrollIntoViewIfNeeded();
    await suite.browser.screenshot('digest-chart');
  });

  it('answers /openai spend in the channel for everyone to see', async () => {
    await suite.page.getByRole('combobox', { name: 'Acting as' }).selectOption({ label: 'Katherine Johnson (viewer)' });
    await say('/openai spend');
    const answer = suite.page.getByRole('log').getByRole('article').filter({ hasText: '/openai spend' });
    await expect.poll(() => answer.count(), { timeout: 15_000 }).toBe(1);
    expect(await answer.textContent()).not.toContain('Only visible to you');
    await suite.page.getByRole('combobox', { name: 'Acting as' }).selectOption({ label: 'Alan Turing (approver)' });
    expect(await answer.count()).toBe(1);
    await suite.browser.screenshot('spend-in-channel');
  });

  it('shows markup people type as text, never as HTML', async () => {
    await suite.page.getByRole('link', { name: 'ops', exact: true }).click();
    const typed = '<img src=x onerror="document.title=1"> <b>not bold</b> & <!channel>';
    await say(typed);
    const message = suite.page.getByRole('log').getByRole('article').filter({ hasText: 'not bold' });
    await expect.poll(() => message.count(), { timeout: 10_000 }).toBe(1);
    expect(await message.locator('.bk-text').textContent()).toBe(typed);
    expect(await message.locator('img, b').count()).toBe(0);
    expect(await suite.page.title()).not.toBe('1');
  });
});
