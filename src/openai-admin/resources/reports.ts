import type { OpenAI } from 'openai';
import { z } from 'zod';
import type { AdminApi } from '../../domain/admin-api/admin-api.js';
import {
  REPORT_ENDPOINTS,
  type ReportBucket,
  type ReportEndpoint,
  type ReportQuery,
} from '../../domain/admin-api/reports.js';
import { call, paginate, type SdkPromise } from '../call.js';
import type { ResourceContext } from './context.js';

type Usage = OpenAI['admin']['organization']['usage'];
/** The SDK's query of one report; each endpoint narrows `group_by` to its own values, which the table keeps. */
type ReportParams = Parameters<Usage['costs']>[0];

/** The SDK method of each report endpoint. */
const SEND: Record<ReportEndpoint, (usage: Usage, query: ReportParams) => SdkPromise<unknown>> = {
  costs: (usage, query) => usage.costs(query),
  completions: (usage, query) => usage.completions(query as never),
  embeddings: (usage, query) => usage.embeddings(query as never),
  moderations: (usage, query) => usage.moderations(query as never),
  images: (usage, query) => usage.images(query as never),
  audio_speeches: (usage, query) => usage.audioSpeeches(query as never),
  audio_transcriptions: (usage, query) => usage.audioTranscriptions(query as never),
  vector_stores: (usage, query) => usage.vectorStores(query as never),
  code_interpreter_sessions: (usage, query) => usage.codeInterpreterSessions(query as never),
  file_search_calls: (usage, query) => usage.fileSearchCalls(query as never),
  web_search_calls: (usage, query) => usage.webSearchCalls(query as never),
};

/** A page of daily buckets of one report; the next page is asked for with `page=<next_page>`. */
const pageOf = (result: z.ZodType) =>
  z.looseObject({
    data: z.array(
      z.looseObject({
        object: z.string().optional(),
        start_time: z.number(),
        end_time: z.number(),
        results: z.array(result).default([]),
      }),
    ),
    has_more: z.boolean().default(false),
    next_page: z.string().nullish(),
  });

const PAGES = Object.fromEntries(
  Object.entries(REPORT_ENDPOINTS).map(([endpoint, { result }]) => [endpoint, pageOf(result)]),
) as Record<ReportEndpoint, ReturnType<typeof pageOf>>;

const listOrUndefined = <T>(list: readonly T[] | undefined) => (list?.length ? [...list] : undefined);

/** `GET /organization/costs` and `/organization/usage/{kind}`: daily buckets of one report, page by page. */
export function reportsResource({ org, limits }: ResourceContext): AdminApi['reports'] {
  return {
    buckets: <E extends ReportEndpoint>(endpoint: E, query: ReportQuery<E>) =>
      paginate(`the ${endpoint} report`, limits, async (page) => {
        const { data, requestId } = await call(PAGES[endpoint], () =>
          SEND[endpoint](org.usage, {
            start_time: query.startTime,
            end_time: query.endTime,
            bucket_width: '1d',
            project_ids: listOrUndefined(query.projectIds),
            group_by: listOrUndefined(query.groupBy) as ReportParams['group_by'],
            limit: query.limit ?? REPORT_ENDPOINTS[endpoint].pageSize,
            page,
          }),
        );
        return { items: data.data as ReportBucket<E>[], hasMore: data.has_more, next: data.next_page, requestId };
      }),
  };
}
