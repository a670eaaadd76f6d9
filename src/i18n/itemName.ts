/**
 * The name of the one thing a step is about (an inbox rule, a sign-in method), as people read it:
 * always in quotes, so a rule named "." or ".." is seen on a button; a name that is empty or only
 * spaces (Outlook and Graph allow both) is shown as "(no name)" instead of nothing.
 */
import { text, type Text } from './text';

export function itemLabel(name: string): Text {
  return name.trim() === '' ? text('summary.itemUnnamed') : text('summary.itemQuoted', { name });
}
