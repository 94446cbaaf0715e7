import type { KnownBlock, View } from '@slack/types';
import type { ApprovalRequest } from '../../domain/approvals/model.js';
import { formatSpan } from '../../domain/grants/duration.js';
import { clip, code } from '../mrkdwn.js';
import { context, header, section } from './message.js';

export interface HomeData {
  awaitingMe: readonly ApprovalRequest[];
  mine: readonly ApprovalRequest[];
  otherPending: number;
  /** Time-bound access this person holds, soonest expiry first. */
  grants?: readonly { id: string; access: string; left: number }[];
}

const line = (request: ApprovalRequest) =>
  `• ${code(request.id, 100)} ${clip(request.summary.split('\n')[0] ?? request.operation, 500)} — ${request.state.replace('_', ' ')}`;

/** The App Home tab: requests awaiting this person, and their own recent requests (at most 100 blocks). */
export function renderHome(data: HomeData): View {
  const blocks: KnownBlock[] = [
    header('OpenAI organization'),
    section('*Awaiting your approval*'),
    ...(data.awaitingMe.length
      ? data.awaitingMe.slice(0, 40).map((r) => section(line(r)))
      : [context('Nothing is waiting for you.')]),
    section('*Your requests*'),
    ...(data.mine.length
      ? data.mine.slice(0, 40).map((r) => section(line(r)))
      : [context('You have no recent requests.')]),
    ...(data.grants?.length
      ? [
          section('*Your time-bound access*'),
          // One section for all of them keeps the tab within its 100 blocks.
          section(
            data.grants.map((g) => `• ${code(g.id)} ${clip(g.access, 120)} — ${formatSpan(g.left)} left`).join('\n'),
          ),
        ]
      : []),
    context(
      `${data.otherPending} other pending request${data.otherPending === 1 ? '' : 's'}. Type \`/openai help\` for every command.`,
    ),
  ];
  return { type: 'home', blocks };
}
