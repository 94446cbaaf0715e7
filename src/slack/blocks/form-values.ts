import { z } from 'zod';
import type { FormFields } from '../../domain/operations/bind.js';
import type { AnyOperation } from '../../domain/operations/operation.js';
import { fieldKind } from './form-fields.js';
import { REASON_BLOCK } from './operation-form.js';

/** The parts of a submitted input element's state the bot reads; the element type decides which is set. */
const elementState = z.looseObject({
  type: z.string().optional(),
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_option: z.looseObject({ value: z.string() }).nullish(),
  selected_options: z.array(z.looseObject({ value: z.string() })).nullish(),
});
type ElementState = z.output<typeof elementState>;

const stateValues = z.record(z.string(), z.record(z.string(), elementState));

/** What a submitted modal says: one value per argument, and the reason, if any. */
export interface SubmittedForm {
  fields: FormFields;
  reason: string | undefined;
}

/** The state of the one element in a block, whatever its action id. */
const only = (block: Record<string, ElementState> | undefined): ElementState | undefined =>
  block ? Object.values(block)[0] : undefined;

function stateValue(state: ElementState | undefined, checkbox: boolean): FormFields[string] {
  if (!state) return undefined;
  if (checkbox) return (state.selected_options ?? []).length > 0;
  if (state.selected_options) return state.selected_options.map((o) => o.value);
  if (state.selected_option) return state.selected_option.value;
  return state.selected_date ?? state.value ?? undefined;
}

/** Reads `view.state.values` of an operation form back into argument values (block id = argument name). */
export function readOperationForm(operation: AnyOperation, values: unknown): SubmittedForm {
  const parsed = stateValues.safeParse(values);
  const blocks = parsed.success ? parsed.data : {};
  const fields: FormFields = {};
  for (const arg of operation.args) {
    fields[arg.name] = stateValue(only(blocks[arg.name]), fieldKind(arg) === 'checkbox');
  }
  const reason = only(blocks[REASON_BLOCK])?.value?.trim();
  return { fields, reason: reason || undefined };
}
