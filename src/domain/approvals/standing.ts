import type { AnyOperation } from '../operations/operation.js';
import { parseStored } from '../operations/stored-input.js';
import type { Policy } from '../policy/policy.js';
import type { RoleName } from '../policy/policy-schema.js';
import type { OperationDeps } from '../ports.js';
import type { ApprovalRequest } from './model.js';

/** What the policy as it is now says about a pending request, which may have been filed under another policy. */
export interface Standing {
  /** The higher of the approvals required when it was filed and those the policy requires now. */
  required: number;
  /** The role whose members may decide it now. */
  approverRole: RoleName;
  /** Why it can no longer run (the requester lost the right to run it); it can still be rejected or cancelled. */
  blocked?: string;
}

/** Reads the policy again for a pending request: the rule now, and whether its requester may still run it. */
export async function standingOf(
  request: ApprovalRequest,
  policy: Policy,
  operations: readonly AnyOperation[],
  deps: OperationDeps,
): Promise<Standing> {
  const operation = operations.find((op) => op.name === request.operation);
  if (!operation) {
    return {
      required: request.required_approvals,
      approverRole: request.approver_role as RoleName,
      blocked: `this bot no longer knows the operation ${request.operation}`,
    };
  }
  const rule = policy.ruleFor(operation.name, operation.risk);
  // Operations that route their requests (by project, say) are routed again under the policy as it is now. Input the
  // operation no longer accepts is not routed: its run fails without sending anything.
  const stored = parseStored(operation, request.input);
  const route = operation.route && stored.ok ? await operation.route(deps, stored.input) : {};
  const requester = {
    userId: request.requester_id,
    source: request.requester_source,
    ...(request.channel_id ? { channelId: request.channel_id } : {}),
  };
  const everyone = operation.audience === 'everyone';
  const blocked = await policy.whyMayNotRun(requester, operation.risk, operation.name, { everyone });
  return {
    required: Math.max(request.required_approvals, route.approvals ?? rule.approvals),
    approverRole: route.approverRole ?? rule.approverRole,
    ...(blocked ? { blocked } : {}),
  };
}

/** Whether the stored request already carries this standing's count and role. */
export const storedMatches = (request: ApprovalRequest, standing: Standing): boolean =>
  request.required_approvals === standing.required && request.approver_role === standing.approverRole;

/** What an approver is told when a request can no longer run. */
export const blockedText = (request: ApprovalRequest, reason: string): string =>
  `Request ${request.id} can no longer run: ${reason}. It stays open so an approver can reject it or the requester can cancel it.`;
