/** Every Slack callback, action and block id the bot uses, in one place. */
export const SLASH_COMMAND = '/openai';

export const ACTIONS = {
  approve: 'approval.approve',
  reject: 'approval.reject',
  pickOperation: 'picker.operation',
  revealSecret: 'secret.reveal',
  /** "More" under a listing: the next page. */
  more: 'reply.more',
  /** Under a long listing: the whole list as a CSV file by direct message. */
  wholeListCsv: 'reply.csv',
  /** Form inputs whose options are searched in the organization as the user types (`block_suggestion`). */
  suggestProject: 'suggest.project',
  suggestUser: 'suggest.user',
} as const;

export const VIEWS = {
  picker: 'picker.view',
  operation: 'operation.view',
  reject: 'approval.reject.view',
  secret: 'secret.view',
} as const;
