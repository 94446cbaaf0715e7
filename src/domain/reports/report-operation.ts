import { type AnyOperation, type ArgSpec, defineOperation } from '../operations/operation.js';
import {
  dayRangeArgs,
  describeReport,
  kindNamed,
  projectsFilterArg,
  reportResolvedSchema,
  reportSchema,
  resolveReport,
  rowsLimitArg,
} from './report-input.js';
import { groupingWords, type ReportKind } from './report-kind.js';
import { runReport } from './report-run.js';

interface ReportOperation {
  name: string;
  words: readonly string[];
  aliases?: readonly (readonly string[])[];
  summary: string;
  /** The kinds it reports; with several, `--type` chooses one (the first by default). */
  kinds: readonly ReportKind[];
}

const unique = (words: readonly string[]) => [...new Set(words)];

/** A read operation reporting one of `kinds` over a range: its arguments, input schema, description and run. */
export function reportOperation(spec: ReportOperation): AnyOperation {
  const { kinds } = spec;
  const types = kinds.map((kind) => kind.type);
  const groupings = unique(kinds.flatMap(groupingWords));
  const typeArg: ArgSpec[] =
    kinds.length > 1
      ? [{ name: 'type', kind: 'flag', placeholder: types.join('|'), optional: true, choices: types, help: 'kind' }]
      : [];
  const byHelp = kinds.length > 1 ? 'grouping (which ones depends on --type)' : 'grouping';
  return defineOperation({
    name: spec.name,
    words: spec.words,
    ...(spec.aliases ? { aliases: spec.aliases } : {}),
    summary: spec.summary,
    args: [
      ...typeArg,
      ...dayRangeArgs,
      { name: 'by', kind: 'flag', placeholder: groupings.join('|'), optional: true, choices: groupings, help: byHelp },
      projectsFilterArg,
      rowsLimitArg,
    ],
    input: reportSchema(kinds),
    resolved: reportResolvedSchema(kinds),
    risk: 'read',
    slow: true,
    resolve: resolveReport,
    describe: (input) => {
      const kind = kindNamed(kinds, input.type);
      return `Show ${kind.what} ${describeReport(input)}, by ${kind.groupings[input.by]?.noun ?? input.by}`;
    },
    run: (deps, input) => runReport(deps, kindNamed(kinds, input.type), input),
  });
}
