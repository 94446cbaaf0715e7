import type { View } from '@slack/types';
import { describe, expect, it } from 'vitest';
import { bindFields } from '../../src/domain/operations/bind.js';
import { operations } from '../../src/domain/operations/index.js';
import { readOperationForm } from '../../src/slack/blocks/form-values.js';
import { renderOperationForm } from '../../src/slack/blocks/operation-form.js';
import { renderPicker } from '../../src/slack/blocks/picker-modal.js';

type Json = Record<string, unknown>;

/** Every object inside a value, depth first. */
const walk = (value: unknown, out: Json[] = []): Json[] => {
  if (Array.isArray(value)) for (const item of value) walk(item, out);
  else if (value && typeof value === 'object') {
    out.push(value as Json);
    for (const inner of Object.values(value)) walk(inner, out);
  }
  return out;
};

/** The Block Kit limits a modal must respect, as a list of what breaks them. */
function limitProblems(view: View): string[] {
  const problems: string[] = [];
  const short = (what: string, text: unknown, max: number) => {
    if (typeof text === 'string' && (text.length === 0 || text.length > max)) problems.push(`${what}: ${text}`);
  };
  const title = (key: 'title' | 'submit' | 'close') =>
    (view as unknown as Record<string, { text?: string } | undefined>)[key];
  for (const key of ['title', 'submit', 'close'] as const) short(key, title(key)?.text, 24);
  short('private_metadata', view.private_metadata, 3000);
  if (view.blocks.length > 100) problems.push(`${view.blocks.length} blocks`);
  const ids = view.blocks.map((b) => b.block_id).filter(Boolean);
  if (new Set(ids).size !== ids.length) problems.push(`repeated block ids ${ids.join(',')}`);
  for (const node of walk(view.blocks)) {
    if (node.type === 'input') short('label', (node.label as Json).text, 2000);
    if (Array.isArray(node.options)) {
      if (node.options.length > 100) problems.push('more than 100 options');
      for (const option of node.options as Json[]) {
        short('option text', (option.text as Json | undefined)?.text, 75);
        short('option value', option.value, 75);
      }
    }
    if (typeof node.action_id === 'string') short('action_id', node.action_id, 255);
  }
  return problems;
}

describe('generated operation forms', () => {
  it.each(operations.map((op) => [op.name, op] as const))('%s fits Slack modal limits', (_name, operation) => {
    expect(limitProblems(renderOperationForm(operation, 'C1'))).toEqual([]);
  });

  it('the picker fits too, with every operation offered once', () => {
    const picker = renderPicker(operations, 'C1');
    expect(limitProblems(picker)).toEqual([]);
    const values = walk(picker.blocks)
      .filter((n) => n.value)
      .map((n) => n.value);
    expect(values.sort()).toEqual(operations.map((op) => op.name).sort());
  });

  const find = (name: string) => {
    const found = operations.find((op) => op.name === name);
    if (!found) throw new Error(`no operation ${name}`);
    return found;
  };
  const elementOf = (name: string, blockId: string) =>
    renderOperationForm(find(name)).blocks.find((b) => b.block_id === blockId) as { element: Json } | undefined;

  it('offers selects, pickers, number and date inputs where arguments ask for them', () => {
    expect(elementOf('invites.create', 'role')?.element.type).toBe('static_select');
    expect(elementOf('invites.create', 'project')?.element).toMatchObject({
      type: 'multi_external_select',
      action_id: 'suggest.project',
      min_query_length: 0,
    });
    expect(elementOf('users.remove', 'user')?.element).toMatchObject({
      type: 'external_select',
      action_id: 'suggest.user',
    });
    expect(elementOf('audit.list', 'limit')?.element.type).toBe('number_input');
    expect(elementOf('audit.list', 'from')?.element.type).toBe('datepicker');
    expect(elementOf('audit.list', 'export')?.element.type).toBe('checkboxes');
    expect(elementOf('audit.list', 'type')?.element).toMatchObject({ type: 'plain_text_input', multiline: true });
  });

  it('asks for a reason on changes only', () => {
    const ids = (name: string) => renderOperationForm(find(name)).blocks.map((b) => b.block_id);
    expect(ids('projects.archive')).toContain('__reason');
    expect(ids('users.list')).not.toContain('__reason');
  });

  it('reads every kind of input back into the values the command would bind', () => {
    const audit = find('audit.list');
    const form = readOperationForm(audit, {
      type: { value: { type: 'plain_text_input', value: 'api_key.*\n\n project.archived ' } },
      actor: { 'suggest.user': { type: 'multi_external_select', selected_options: [{ value: 'a@x.com' }] } },
      from: { value: { type: 'datepicker', selected_date: '2026-11-01' } },
      limit: { value: { type: 'number_input', value: '5' } },
      export: { value: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
      since: { value: { type: 'plain_text_input', value: null } },
    });
    expect(form.reason).toBeUndefined();
    const bound = bindFields(audit, form.fields);
    expect(bound).toMatchObject({
      ok: true,
      input: {
        type: ['api_key.*', 'project.archived'],
        actor: ['a@x.com'],
        from: '2026-11-01',
        limit: 5,
        export: true,
      },
    });
  });

  it('ignores state that is not shaped like Slack sends it', () => {
    expect(readOperationForm(find('audit.list'), 'nonsense').fields.type).toBeUndefined();
  });
});
