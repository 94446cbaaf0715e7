import type { ProjectRole } from '../state/records.js';

/** `null` for a key never used; otherwise days (fractions allowed) since its last use. */
export type LastUsed = number | null;

export interface ProjectPlan {
  name: string;
  createdDaysAgo: number;
  archivedDaysAgo?: number;
  members: [first: string, role: ProjectRole][];
  serviceAccounts: [name: string, createdDaysAgo: number, lastUsed: LastUsed][];
  userKeys: [owner: string, name: string, createdDaysAgo: number, lastUsed: LastUsed][];
}

export const DEFAULT_PROJECT = 'Default project';
export const SUPPORT = 'Support Assistant';
export const SEARCH = 'Knowledge Search';
export const RESEARCH = 'Research Sandbox';
export const LEGACY = 'Legacy Chatbot';

export const PLANS: readonly ProjectPlan[] = [
  {
    name: DEFAULT_PROJECT,
    createdDaysAgo: 730,
    members: [
      ['ada', 'owner'],
      ['grace', 'owner'],
      ['margaret', 'member'],
      ['dennis', 'member'],
      ['tommy', 'member'],
    ],
    serviceAccounts: [['zapier-integration', 400, 130]],
    userKeys: [
      ['ada', 'ada-laptop', 300, 1.2],
      ['grace', 'grace-notebook', 260, 97],
      ['dennis', 'dennis-scripts', 118, 112],
      ['tommy', 'tommy-test', 55, null],
    ],
  },
  {
    name: SUPPORT,
    createdDaysAgo: 420,
    members: [
      ['grace', 'owner'],
      ['dorothy', 'owner'],
      ['katherine', 'member'],
      ['mary', 'member'],
      ['annie', 'member'],
      ['hedy', 'member'],
      ['betty', 'member'],
      ['radia', 'member'],
    ],
    serviceAccounts: [
      ['support-backend', 410, 0.004],
      ['support-batch-jobs', 200, 0.9],
    ],
    userKeys: [
      ['grace', 'support-staging', 150, 0.2],
      ['katherine', 'katherine-dev', 88, 12],
      ['hedy', 'hedy-prototype', 390, 181],
      ['mary', 'mary-local', 20, null],
    ],
  },
  {
    name: SEARCH,
    createdDaysAgo: 310,
    members: [
      ['margaret', 'owner'],
      ['karen', 'owner'],
      ['edsger', 'member'],
      ['claude', 'member'],
      ['frances', 'member'],
      ['john', 'member'],
      ['jean', 'member'],
    ],
    serviceAccounts: [['search-indexer', 300, 0.04]],
    userKeys: [
      ['margaret', 'reindex-manual', 250, 40],
      ['edsger', 'edsger-experiments', 280, 95],
      ['claude', 'claude-cli', 130, 0.08],
      ['karen', 'karen-eval', 60, 2],
    ],
  },
  {
    name: RESEARCH,
    createdDaysAgo: 75,
    members: [
      ['alan', 'owner'],
      ['katherine', 'member'],
      ['joan', 'member'],
      ['kathleen', 'member'],
      ['evelyn', 'member'],
      ['lynn', 'member'],
      ['marvin', 'member'],
    ],
    serviceAccounts: [['eval-runner', 70, 3]],
    userKeys: [
      ['alan', 'alan-jupyter', 74, 0.02],
      ['joan', 'joan-evals', 50, 1],
      ['lynn', 'lynn-scratch', 30, null],
      ['marvin', 'marvin-notebook', 7, 0.5],
    ],
  },
  {
    name: LEGACY,
    createdDaysAgo: 540,
    archivedDaysAgo: 45,
    members: [
      ['seymour', 'owner'],
      ['ada', 'owner'],
      ['niklaus', 'member'],
      ['jean', 'member'],
    ],
    serviceAccounts: [['legacy-webhook', 530, 46]],
    userKeys: [['seymour', 'legacy-prod', 500, 46]],
  },
];
