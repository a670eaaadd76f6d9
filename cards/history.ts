/**
 * A page of a user's Unlock history: one line per action, newest first, and a "More" button while
 * older actions remain. "More" is an `imBack`: Teams posts the word as the operator's own message,
 * exactly as if it were typed, so the button and the typed "more" are one path through the history
 * dialog, which holds where the next page starts.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-actions#adaptive-cards-actions
 */
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { AuditRecord } from '../src/domain/audit';
import { render, translate, type MessageKey } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import type { HistoryLine } from '../src/operations/history';
import { withVerification } from '../src/steps/auditVerification';
import { refusalReason, stepName } from './banners';
import { markdownIn, type CardView } from './index';
import historyTemplate from './templates/history.json';

const template = new ACData.Template(historyTemplate);

export interface HistoryCardInput {
  readonly heading: Text;
  readonly lines: readonly HistoryLine[];
  /** Said when there are no lines. */
  readonly empty: Text;
  /** Older actions remain: the hint and the "More" button. */
  readonly more: boolean;
}

export function historyCard(input: HistoryCardInput, view: CardView): Attachment {
  // Every line is a TextBlock (Markdown in Teams): names in it are escaped.
  const t = (value: Text): string => render(view.locale, value, markdownIn(view));
  const lines = input.lines.length > 0 ? input.lines.map((line) => t(historyLine(line))) : [t(input.empty)];
  return CardFactory.adaptiveCard(
    template.expand({
      $root: {
        heading: t(input.heading),
        lines,
        footer: input.more ? translate(view.locale, 'history.moreHint') : null,
        more: input.more ? { title: translate(view.locale, 'history.more'), value: translate(view.locale, 'history.moreWord') } : null,
      },
    }),
  );
}

const OUTCOME: Readonly<Record<AuditRecord['outcome']['kind'], MessageKey>> = {
  attempted: 'history.outcome.attempted',
  succeeded: 'history.outcome.succeeded',
  refused: 'history.outcome.refused',
  failed: 'history.outcome.failed',
};

/** "20 Nov 2026, 09:12 UTC · Alex Wilber · Allow sign-in · done", or a summary of someone's refused clicks. */
export function historyLine(line: HistoryLine): Text {
  if (line.kind === 'refusedAttempts') {
    const actor = line.actor.name ?? line.actor.userPrincipalName ?? line.actor.aadObjectId;
    return text('history.refusedAttempts', { time: line.latest, count: line.count, actor, since: line.earliest });
  }
  const { record } = line;
  const outcome = record.outcome;
  const detail: string | Text =
    outcome.kind === 'refused' ? refusalReason(outcome.reason) : outcome.kind === 'failed' ? (outcome.code ?? outcome.cause) : '';
  return text('history.entry', {
    time: record.at,
    actor: record.actor.name ?? record.actor.aadObjectId,
    action: stepName(record.step),
    // A write's line says how the caller was verified, and who said Yes or No when Unlock asked in Teams.
    outcome: withVerification(text(OUTCOME[outcome.kind], { detail }), record),
  });
}
