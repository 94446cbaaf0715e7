import type { ApprovalService } from './approvals/approval-service.js';
import type { ApprovalRequest } from './approvals/model.js';
import { buildDigest, type SpendDigest } from './digests/spend-digest.js';
import { fetchSpendSnapshot } from './digests/spend-snapshot.js';
import type { GrantService } from './grants/grant-service.js';
import { accessText } from './grants/grant-text.js';
import type { Policy } from './policy/policy.js';
import type { OperationDeps } from './ports.js';

/** Everything one person's Home shows. */
export interface HomeData {
  awaitingMe: readonly ApprovalRequest[];
  mine: readonly ApprovalRequest[];
  otherPending: number;
  /** Time-bound access this person holds, soonest expiry first. */
  grants?: readonly { id: string; access: string; left: number }[];
  /** Month to date per project against its spend alerts, for those who may see spend; absent when unknown. */
  budget?: SpendDigest;
}

export interface HomeServiceDeps {
  approvals: ApprovalService;
  grants?: GrantService;
  policy: Policy;
  operationDeps: OperationDeps;
}

/** How long a budget read for one Home serves the next. */
const BUDGET_FRESH_MS = 60_000;
const BUDGET_PROJECTS = 10;
const BUDGET_OPERATION = 'spend.digest';

/** What each person's Home shows, and whose Home a change of a request concerns. */
export class HomeService {
  readonly #deps: HomeServiceDeps;
  #budget: { digest: SpendDigest; at: number } | undefined;

  constructor(deps: HomeServiceDeps) {
    this.#deps = deps;
  }

  /**
   * The budget panel's figures. `fresh`: read them again when older than a minute (a person opened Home); otherwise
   * the last figures serve (a request changed, which moves no money), or none when there are none yet.
   */
  async budget(fresh: boolean): Promise<SpendDigest | undefined> {
    const now = this.#deps.operationDeps.now();
    if (!fresh || (this.#budget && now.getTime() - this.#budget.at < BUDGET_FRESH_MS)) return this.#budget?.digest;
    const snapshot = await fetchSpendSnapshot(this.#deps.operationDeps.admin, { now });
    const digest = buildDigest(snapshot, { topProjects: BUDGET_PROJECTS });
    this.#budget = { digest, at: now.getTime() };
    return digest;
  }

  /** Whether the policy lets this person see spend (as it lets them run `/openai spend`). */
  maySeeBudget(userId: string): Promise<boolean> {
    return this.#deps.policy.hasAnyRole(userId, this.#deps.policy.ruleFor(BUDGET_OPERATION, 'read').allowedRoles);
  }

  async homeOf(userId: string, budget: SpendDigest | undefined): Promise<HomeData> {
    const { grants } = this.#deps;
    const home = await this.#deps.approvals.home(userId);
    const held = (await grants?.active({ granteeChatId: userId, limit: 20 })) ?? [];
    const now = grants?.now() ?? 0;
    const mine = held.map((grant) => ({ id: grant.id, access: accessText(grant), left: grant.expires_at - now }));
    const shown = budget && (await this.maySeeBudget(userId)) ? { budget } : {};
    return { ...home, grants: mine, ...shown };
  }

  /** The people a change of this request concerns: its requester and everyone in its approver role. */
  async concernedBy(request: ApprovalRequest): Promise<string[]> {
    const approvers = await this.#deps.policy.usersInRole(request.approver_role);
    return [...new Set([request.requester_id, ...approvers])];
  }
}
