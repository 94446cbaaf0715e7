import { COST_KINDS } from '../reports/report-kinds.js';
import { reportOperation } from '../reports/report-operation.js';

/** `/openai costs [--since …] [--by …]`: spend in dollars over a range. */
export const costsReport = reportOperation({
  name: 'costs.report',
  words: ['costs'],
  aliases: [['costs', 'report']],
  summary: 'Spend over a range (default the last 30 days) by project, line item or API key, largest first',
  kinds: COST_KINDS,
});
