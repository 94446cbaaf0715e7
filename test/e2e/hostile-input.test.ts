import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requestApproval } from '../helpers/approvals.js';
import { blockKitProblem } from '../helpers/block-kit-limits.js';
import { type Harness, messageText, rawText, startHarness } from '../helpers/harness.js';
import { USERS } from '../helpers/policy.js';

/** Every string in blocks that Slack reads as markup (it shows `plain_text` objects exactly as given). */
const markupStrings = (value: unknown): string[] => {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(markupStrings);
  if (!value || typeof value !== 'object' || (value as { type?: unknown }).type === 'plain_text') return [];
  return Object.values(value).flatMap(markupStrings);
};

/** Longest reply an error about bad input may produce, whatever was typed. */
const SHORT_REPLY = 1_000;

describe('hostile command text', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const nothingCalled = () => expect(h.openai.requests).toHaveLength(0);

  it.each([
    ['a 100,000-character unknown word', 'x'.repeat(100_000)],
    ['150,000 quote characters', '"'.repeat(150_000)],
    ['50,000 smart quotes after a command', `projects archive ${'\u201c'.repeat(50_000)}`],
  ])('refuses %s as too long, echoing none of it and changing nothing', async (_name, text) => {
    const reply = await h.ask(text, USERS.viewer);
    const shown = messageText(reply);
    expect(shown).toContain(`The command is too long: ${text.length.toLocaleString('en-US')} characters`);
    expect(shown).toContain('at most 40,000');
    expect(rawText(reply).length).toBeLessThan(SHORT_REPLY);
    nothingCalled();
  });

  it('answers an unknown word at the length limit with a suggestion-free message and a short echo', async () => {
    const word = `q${'w'.repeat(39_999)}`;
    const reply = await h.ask(word, USERS.viewer);
    const shown = messageText(reply);
    expect(shown).toContain('Unknown command "qwwwwwwwww');
    expect(shown).toContain('…');
    expect(shown).not.toContain('Did you mean');
    expect(rawText(reply).length).toBeLessThan(SHORT_REPLY);
    nothingCalled();
  });

  it('still suggests the closest command for a short typo', async () => {
    const reply = await h.ask('invtes list', USERS.viewer);
    expect(messageText(reply)).toContain('Did you mean "invites list"?');
  });

  it('answers a run of quotes at the length limit with a clear message and a short echo', async () => {
    const reply = await h.ask(`users list ${'"'.repeat(39_989)}`, USERS.viewer);
    expect(messageText(reply)).toMatch(/Unterminated quote|Unexpected argument/);
    expect(rawText(reply).length).toBeLessThan(SHORT_REPLY);
    nothingCalled();
  });

  it('truncates a long unexpected argument in the message', async () => {
    const reply = await h.ask(`users list ${'z'.repeat(30_000)}`, USERS.viewer);
    expect(messageText(reply)).toContain('Unexpected argument: zzzz');
    expect(rawText(reply).length).toBeLessThan(SHORT_REPLY);
  });
});

describe('hostile names and reasons on the approval card', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.close());
  beforeEach(() => h.openai.reset());

  const HOSTILE = 'Ops <!channel> <https://evil.example|click> \u202egpj.exe';

  it('posts a card for a project named to ping and mislead, with nothing live in its text or blocks', async () => {
    const project = h.openai.state.addProject({ name: HOSTILE });
    const { card, id } = await requestApproval(h, `projects archive ${project.id} --reason "tidy up"`);
    expect(card.body.text).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
    for (const payload of [String(card.body.text), ...markupStrings(card.body.blocks)]) {
      expect(payload).not.toContain('<!channel>');
      expect(payload).not.toContain('<https://evil');
    }
    expect(JSON.stringify(card.body)).not.toContain('\u202e');
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
  });

  it('posts a card for a reason of 1,000 ampersands, every field within Block Kit limits', async () => {
    const project = h.openai.state.addProject({ name: 'Alpha' });
    const reason = '&amp;'.repeat(1_000);
    const { card, id } = await requestApproval(h, `projects archive ${project.id} --reason "${reason}"`);
    expect(blockKitProblem(card.body.blocks)).toBeUndefined();
    const fields = (card.body.blocks as { fields?: { text: string }[] }[]).flatMap((b) => b.fields ?? []);
    const shown = fields.find((f) => f.text.startsWith('*Reason*'))?.text ?? '';
    expect(shown).toMatch(/^\*Reason\*\n(&amp;)+…$/);
    expect((await h.bot.container.store.get(id))?.state).toBe('pending');
  });
});
