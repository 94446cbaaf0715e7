import type { PlainTextOption } from '@slack/types';
import type { Suggestion } from '../../domain/suggestions.js';
import { plainText } from '../mrkdwn.js';

/** Slack caps option text and values at 75 characters and a select's options at 100. */
const OPTION_MAX = 75;

/** The options answer to a `block_suggestion`; values too long for Slack are left out rather than cut. */
export function renderSuggestions(suggestions: readonly Suggestion[]): { options: PlainTextOption[] } {
  return {
    options: suggestions
      .filter((s) => s.value.length > 0 && s.value.length <= OPTION_MAX)
      .slice(0, 100)
      .map((s) => ({
        text: { type: 'plain_text', text: plainText(s.label, OPTION_MAX), emoji: false },
        value: s.value,
      })),
  };
}
