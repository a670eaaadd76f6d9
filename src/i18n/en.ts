/** English messages. Keys are grouped by where they show: `finding.*`, `signInError.*`, `step.*`, … */
import type { Message } from './catalogue';

export const en = {
  'finding.nothingWrong.title': 'No problem found with this account',
} as const satisfies Record<string, Message>;
