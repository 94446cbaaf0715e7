import type { InputBlock, InputBlockElement, PlainTextOption } from '@slack/types';
import type { ArgSpec } from '../../domain/operations/operation.js';
import { ACTIONS } from '../ids.js';
import { truncate } from '../mrkdwn.js';

/** The action id of form inputs typed or picked from fixed choices (external selects use ACTIONS.suggest*). */
export const FIELD_ACTION = 'value';

/** Slack caps static and external selects at 100 options. */
const MAX_OPTIONS = 100;

/** The most a plain-text input holds. */
const MAX_INPUT_CHARS = 3000;

const plain = (text: string, max = 150) => ({ type: 'plain_text' as const, text: truncate(text, max), emoji: true });

const option = (value: string): PlainTextOption => ({ text: plain(value, 75), value: truncate(value, 75) });

const label = (arg: ArgSpec) => {
  const words = arg.name.replace(/[_-]/g, ' ');
  return plain(words.charAt(0).toUpperCase() + words.slice(1), 2000);
};

/** What the form offers for an argument, from its `input`/`choices` hints. */
export type FieldKind = 'checkbox' | 'select' | 'project' | 'user' | 'email' | 'number' | 'date' | 'long-text' | 'text';

export function fieldKind(arg: ArgSpec): FieldKind {
  if (arg.boolean) return 'checkbox';
  if (arg.choices && arg.choices.length > 0) return 'select';
  const kind = arg.input ?? 'text';
  return kind === 'select' ? 'text' : kind;
}

function element(arg: ArgSpec): InputBlockElement {
  const many = arg.repeatable === true;
  switch (fieldKind(arg)) {
    case 'checkbox':
      return {
        type: 'checkboxes',
        action_id: FIELD_ACTION,
        options: [{ text: plain(arg.help ?? 'Yes', 75), value: 'true' }],
      };
    case 'select': {
      const options = (arg.choices ?? []).slice(0, MAX_OPTIONS).map(option);
      const placeholder = plain(many ? 'Choose any' : 'Choose one');
      return many
        ? { type: 'multi_static_select', action_id: FIELD_ACTION, options, placeholder }
        : { type: 'static_select', action_id: FIELD_ACTION, options, placeholder };
    }
    case 'project':
    case 'user': {
      const project = fieldKind(arg) === 'project';
      const common = {
        action_id: project ? ACTIONS.suggestProject : ACTIONS.suggestUser,
        min_query_length: 0,
        placeholder: plain(project ? 'Search projects by name or id' : 'Search members by name or email'),
      };
      return many ? { type: 'multi_external_select', ...common } : { type: 'external_select', ...common };
    }
    case 'email':
      return many
        ? { type: 'plain_text_input', action_id: FIELD_ACTION, multiline: true, placeholder: plain('a@example.com') }
        : { type: 'email_text_input', action_id: FIELD_ACTION, placeholder: plain('a@example.com') };
    case 'number':
      return { type: 'number_input', action_id: FIELD_ACTION, is_decimal_allowed: true };
    case 'date':
      return { type: 'datepicker', action_id: FIELD_ACTION, placeholder: plain('Pick a day (UTC)') };
    case 'long-text':
      return {
        type: 'plain_text_input',
        action_id: FIELD_ACTION,
        multiline: true,
        max_length: MAX_INPUT_CHARS,
        placeholder: plain(arg.placeholder || arg.name),
      };
    default:
      return {
        type: 'plain_text_input',
        action_id: FIELD_ACTION,
        multiline: many,
        placeholder: plain(arg.placeholder || arg.name),
      };
  }
}

/** Whether several values are typed one per line (rather than picked). */
const typedList = (arg: ArgSpec) => arg.repeatable === true && ['text', 'email'].includes(fieldKind(arg));

/** One input block for an operation argument; its block id is the argument's name. */
export function fieldBlock(arg: ArgSpec): InputBlock {
  const hint = [typedList(arg) ? 'One per line.' : '', fieldKind(arg) === 'checkbox' ? '' : (arg.help ?? '')]
    .filter(Boolean)
    .join(' ');
  return {
    type: 'input',
    block_id: arg.name,
    optional: arg.boolean === true || arg.optional === true,
    label: label(arg),
    ...(hint ? { hint: plain(hint, 2000) } : {}),
    element: element(arg),
  };
}
