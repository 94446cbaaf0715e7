import type { WebClient } from '@slack/web-api';
import type { Logger } from 'pino';
import type { SpendChartInput } from '../../chart/spend-chart-svg.js';
import type { DigestPublisher } from '../../domain/digests/ports.js';
import type { SpendDigest } from '../../domain/digests/spend-digest.js';
import { renderDigest } from '../blocks/digest.js';
import { renderCrossings } from '../blocks/digest-alerts.js';
import { renderChartFallback } from '../blocks/digest-chart.js';
import type { SlackMessage } from '../blocks/message.js';
import { NO_UNFURL } from '../blocks/message.js';
import { renderNotice } from '../blocks/notice.js';

/** Turns chart data into PNG bytes (the composition root passes the resvg renderer). */
export type ChartRenderer = (input: SpendChartInput) => Promise<Buffer>;

const post = async (client: WebClient, channel: string, message: SlackMessage, threadTs?: string) =>
  client.chat.postMessage({
    channel,
    text: message.text,
    blocks: message.blocks,
    ...NO_UNFURL,
    ...(threadTs ? { thread_ts: threadTs } : {}),
  });

/**
 * Digests and threshold alerts as Slack messages. A digest's chart is uploaded into the digest's thread with
 * `files.uploadV2`, the same upload the file sink uses, through the one Web API client and its queue; when
 * rendering or uploading fails, a text chart is posted there instead and the failure is logged.
 */
export function createDigestPublisher(client: WebClient, logger: Logger, renderChart: ChartRenderer): DigestPublisher {
  const attachChart = async (
    channel: string,
    ts: string,
    digest: SpendDigest,
    series: NonNullable<SpendDigest['chart']>,
  ) => {
    try {
      const png = await renderChart({
        title: `Daily spend · ${digest.monthLabel}`,
        daysInMonth: digest.daysInMonth,
        series,
      });
      await client.files.uploadV2({
        channel_id: channel,
        thread_ts: ts,
        filename: `spend-${digest.monthKey}.png`,
        title: `Daily spend, ${digest.monthLabel}`,
        file: png,
        initial_comment: 'Daily spend this month, stacked by top project.',
        alt_text: `Bar chart of daily spend in ${digest.monthLabel} by project`,
      });
    } catch (error) {
      logger.warn({ err: error, channel }, 'could not attach the spend chart; posting it as text');
      await post(client, channel, renderChartFallback(digest), ts);
    }
  };
  return {
    async postDigest(channel, digest) {
      const posted = await post(client, channel, renderDigest(digest));
      if (digest.chart && posted.ts) await attachChart(channel, posted.ts, digest, digest.chart);
    },
    async postCrossings(channel, crossings) {
      await post(client, channel, renderCrossings(crossings));
    },
    async postProblem(channel, text) {
      await post(client, channel, renderNotice(`:warning: ${text}`));
    },
  };
}
