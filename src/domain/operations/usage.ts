import { USAGE_KINDS } from '../reports/report-kinds.js';
import { reportOperation } from '../reports/report-operation.js';

/** `/openai usage [--type …] [--since …] [--by …]`: every kind of usage the Admin API reports. */
export const usageReport = reportOperation({
  name: 'usage.report',
  words: ['usage'],
  aliases: [['usage', 'report']],
  summary:
    'Usage over a range (default completions over the last 30 days): tokens, images, audio, vector storage, ' +
    'code interpreter sessions or tool calls, by model, project, user or API key',
  kinds: USAGE_KINDS,
});
