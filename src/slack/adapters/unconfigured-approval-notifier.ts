import type { ApprovalNotifier } from '../../domain/approvals/ports.js';
import { AppError } from '../../errors.js';

/**
 * For the command line run without a Slack token: a request that needs approval cannot get its card, so filing it
 * fails at once with a message that says what to do, instead of retrying a Slack that was never configured.
 */
export function unconfiguredApprovalNotifier(): ApprovalNotifier {
  const refuse = async (): Promise<never> => {
    throw new AppError(
      'slack_not_configured',
      'This needs approval in Slack, and without SLACK_BOT_TOKEN the command line cannot post the approval card. ' +
        'Set SLACK_BOT_TOKEN (and SLACK_API_URL if you use a proxy) and run it again, or run it from Slack.',
    );
  };
  return { postCard: refuse, updateCard: refuse, tellRequester: refuse };
}
