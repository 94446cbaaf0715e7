import type { KnownBlock, View } from '@slack/types';
import type { ApprovalRequest } from '../../domain/approvals/model.js';
import { formatSpan } from '../../domain/grants/duration.js';
import type { HomeData } from '../../domain/home.js';
import { formatDollars } from '../../domain/money.js';
import { clip, code } from '../mrkdwn.js';
import { approvalButtons } from './approval-buttons.js';
import { projectLine } from './digest.js';
import { context, header, section } from './message.js';

export type { HomeData };

/** Requests with buttons shown at most; each takes two blocks of the tab's 100. */
const AWAITING_SHOWN = 15;
const MINE_SHOWN = 20;

const line = (request: ApprovalRequest) =>
  `• ${code(request.id, 100)} ${clip(request.summary.split('\n')[0] ?? request.operation, 500)} — ${request.state.replace('_', ' ')}`;

function budgetBlocks(data: HomeData): KnownBlock[] {
  const { budget } = data;
  if (!budget) return [];
  const lines = [
    `*Budget* · ${clip(budget.monthLabel, 50)} · month to date ${formatDollars(budget.total)}`,
    ...budget.projects.map(projectLine),
  ];
  if (budget.others) lines.push(`• …and ${budget.others.count} more: ${formatDollars(budget.others.spend)}`);
  return [
    section(lines.join('\n')),
    context(
      `As of <!date^${Math.floor(budget.asOf / 1000)}^{date_short_pretty} {time}|${new Date(budget.asOf).toISOString().slice(0, 16).replace('T', ' ')} UTC>.`,
    ),
  ];
}

/**
 * The App Home tab: requests awaiting this person with Approve and Reject (the same buttons as on cards), their own
 * recent requests, the time-bound access they hold and, for those who may see spend, the budget (at most 100 blocks).
 */
export function renderHome(data: HomeData): View {
  const awaiting = data.awaitingMe.slice(0, AWAITING_SHOWN);
  const blocks: KnownBlock[] = [
    header('OpenAI organization'),
    section('*Awaiting your approval*'),
    ...(awaiting.length
      ? awaiting.flatMap((r) => [section(line(r)), approvalButtons(r)])
      : [context('Nothing is waiting for you.')]),
    ...(data.awaitingMe.length > AWAITING_SHOWN
      ? [context(`…and ${data.awaitingMe.length - AWAITING_SHOWN} more; \`/openai approvals\` lists them all.`)]
      : []),
    section('*Your requests*'),
    data.mine.length
      ? section(data.mine.slice(0, MINE_SHOWN).map(line).join('\n'))
      : context('You have no recent requests.'),
    ...(data.grants?.length
      ? [
          section('*Your time-bound access*'),
          section(
            data.grants.map((g) => `• ${code(g.id)} ${clip(g.access, 120)} — ${formatSpan(g.left)} left`).join('\n'),
          ),
        ]
      : []),
    ...budgetBlocks(data),
    context(
      `${data.otherPending} other pending request${data.otherPending === 1 ? '' : 's'}. Type \`/openai help\` for every command.`,
    ),
  ];
  return { type: 'home', blocks };
}
