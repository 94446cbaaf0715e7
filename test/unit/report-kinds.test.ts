import { describe, expect, it } from 'vitest';
import { REPORT_ENDPOINTS, type ReportEndpoint } from '../../src/domain/admin-api/reports.js';
import { COST_KINDS, USAGE_KINDS } from '../../src/domain/reports/report-kinds.js';
import { ReportSeries } from '../../src/domain/reports/report-series.js';
import { USAGE_KINDS as EMULATED_KINDS } from '../../src/playground/openai-org/usage-kinds.js';
import { loadSpec } from '../helpers/openapi/spec-operations.js';

type Json = Record<string, unknown>;
const { spec, operations } = loadSpec();
const schemas = (spec.components as { schemas: Record<string, Json> }).schemas;

/** The result schema of each report endpoint in OpenAI's document. */
const RESULT_SCHEMA: Record<ReportEndpoint, string> = {
  costs: 'CostsResult',
  completions: 'UsageCompletionsResult',
  embeddings: 'UsageEmbeddingsResult',
  moderations: 'UsageModerationsResult',
  images: 'UsageImagesResult',
  audio_speeches: 'UsageAudioSpeechesResult',
  audio_transcriptions: 'UsageAudioTranscriptionsResult',
  vector_stores: 'UsageVectorStoresResult',
  code_interpreter_sessions: 'UsageCodeInterpreterSessionsResult',
  file_search_calls: 'UsageFileSearchCallsResult',
  web_search_calls: 'UsageWebSearchCallsResult',
};

const specGet = (path: string) => operations.find((op) => op.method === 'GET' && op.template === path);
const queryEnum = (path: string, name: string) => {
  const schema = specGet(path)?.parameters.find((p) => p.name === name)?.schema as { items?: { enum?: string[] } };
  return schema?.items?.enum;
};
const resultFields = (endpoint: ReportEndpoint) => Object.keys(schemas[RESULT_SCHEMA[endpoint]]?.properties as Json);

describe('the report table agrees with OpenAI’s document', () => {
  it.each(Object.entries(REPORT_ENDPOINTS) as [ReportEndpoint, (typeof REPORT_ENDPOINTS)[ReportEndpoint]][])(
    '%s: its path, group_by values and result fields are the document’s',
    (endpoint, { path, groupBy, result }) => {
      expect(specGet(path)).toBeDefined();
      expect([...groupBy].sort()).toEqual([...(queryEnum(path, 'group_by') ?? [])].sort());
      expect(resultFields(endpoint)).toEqual(expect.arrayContaining(Object.keys(result.shape)));
    },
  );

  it('covers every report the document has, and every kind of usage from Slack', () => {
    const reports = operations.filter((op) => /^\/organization\/(costs|usage\/)/.test(op.template));
    expect(reports.map((op) => op.template).sort()).toEqual(
      Object.values(REPORT_ENDPOINTS)
        .map((e) => e.path)
        .sort(),
    );
    expect([...COST_KINDS, ...USAGE_KINDS].map((kind) => kind.endpoint).sort()).toEqual(
      Object.keys(REPORT_ENDPOINTS).sort(),
    );
  });

  it('groups every kind only by what its endpoint accepts', () => {
    for (const kind of [...COST_KINDS, ...USAGE_KINDS]) {
      const accepted: readonly string[] = REPORT_ENDPOINTS[kind.endpoint].groupBy;
      for (const grouping of Object.values(kind.groupings)) expect(accepted).toContain(grouping.field);
    }
  });

  it.each(Object.entries(EMULATED_KINDS))(
    'the emulated %s endpoint has the document’s fields and filters',
    (kind, e) => {
      const path = `/organization/usage/${kind}`;
      const params = specGet(path)?.parameters.map((p) => p.name) ?? [];
      expect(params).toEqual(expect.arrayContaining(['project_ids', ...Object.keys(e.filters)]));
      for (const [param, filter] of Object.entries(e.filters)) {
        if ('values' in filter) expect(filter.values).toEqual(queryEnum(path, param));
      }
      expect([...e.groupBy].sort()).toEqual([...(queryEnum(path, 'group_by') ?? [])].sort());
      expect(resultFields(kind as ReportEndpoint)).toEqual(expect.arrayContaining([...e.figures, ...e.groupBy]));
      const object = schemas[RESULT_SCHEMA[kind as ReportEndpoint]]?.properties as { object: { enum: string[] } };
      expect(object.object.enum).toEqual([e.object]);
    },
  );
});

describe('report figures over days', () => {
  const figures = [
    { key: 'sum', read: (r: { n: number }) => r.n },
    { key: 'latest', read: (r: { n: number }) => r.n, over: 'latest' as const },
    { key: 'peak', read: (r: { n: number }) => r.n, over: 'peak' as const },
    { key: 'own', read: (r: { n: number }) => r.n, perRow: true },
  ];
  const series = () => {
    const s = new ReportSeries(figures as never);
    s.add('a', 1, { n: 2 });
    s.add('a', 2, { n: 5 });
    s.add('a', 3, { n: 1 });
    s.add('b', 2, { n: 4 });
    return s;
  };

  it('sums, takes the value on the last day with figures, and the largest daily value', () => {
    expect(series().combine(['a'])).toEqual({ sum: 8, latest: 1, peak: 5, own: 8 });
    // b had nothing on day 3, the last day with figures: it holds nothing now.
    expect(series().combine(['b'])).toEqual({ sum: 4, latest: 0, peak: 4, own: 4 });
  });

  it('takes the peak of rows together from their daily totals, and leaves per-row figures out of them', () => {
    expect(series().combine()).toEqual({ sum: 12, latest: 1, peak: 9, own: 0 });
  });
});
