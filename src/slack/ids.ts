/** Every Slack callback, action and block id the bot uses, in one place. */
export const SLASH_COMMAND = '/openai';

export const ACTIONS = {
  approve: 'approval.approve',
  reject: 'approval.reject',
  pickOperation: 'picker.operation',
} as const;

export const VIEWS = {
  picker: 'picker.view',
  operation: 'operation.view',
  reject: 'approval.reject.view',
} as const;
