/**
 * "history anna@…": the last Unlock actions on a user, from the audit trail. Operators only: the
 * trail names who did what to whom, which end users have no business seeing.
 */
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { messageCard } from '../cards';
import { refusalReason, stepName } from '../cards/banners';
import type { AuditRecord } from '../src/domain/audit';
import type { UserSummary } from '../src/domain/account';
import { translate, type MessageKey } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import type { DialogDependencies } from './dependencies';
import { actorOf, viewOf } from './turn';

export const HISTORY_DIALOG = 'historyDialog';
const WATERFALL = 'historyWaterfall';

/** As many entries as fit on one card and still read well. */
export const HISTORY_LENGTH = 10;

export interface HistoryOptions {
  readonly query?: string;
}

export class HistoryDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(HISTORY_DIALOG);
    this.addDialog(new WaterfallDialog(WATERFALL, [this.authorise.bind(this), this.resolve.bind(this), this.show.bind(this)]));
    this.initialDialogId = WATERFALL;
  }

  private async authorise(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const refusal = await this.deps.accounts.refusalFor(actorOf(step.context));
    if (refusal) {
      await this.say(step, refusal.kind === 'unavailable' ? `cause.${refusal.cause}` : 'history.notOperator');
      return step.endDialog();
    }
    return step.next();
  }

  private async resolve(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const query = (step.options as HistoryOptions).query;
    if (!query) {
      await this.say(step, 'history.usage');
      return step.endDialog();
    }
    const found = await this.deps.accounts.findUsers(query);
    if (found.kind === 'unavailable') {
      await this.say(step, `cause.${found.cause}`);
      return step.endDialog();
    }
    // A near miss ("Did you mean …") is no one's history: the history names who did what to whom.
    if (found.kind === 'refused' || found.users.length !== 1 || found.approximate) {
      const several = found.kind === 'found' && found.users.length > 1 && !found.approximate;
      await this.say(step, several ? 'history.several' : 'history.noMatch');
      return step.endDialog();
    }
    return step.next(found.users[0]);
  }

  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const user = step.result as UserSummary;
    const records = await this.deps.accounts.history(user.id, HISTORY_LENGTH);
    const paragraphs = records.length > 0 ? records.map(entry) : [text('history.empty')];
    await step.context.sendActivity({
      attachments: [messageCard({ heading: text('history.heading', { name: user.displayName }), paragraphs }, viewOf(step.context))],
    });
    return step.endDialog();
  }

  private async say(step: WaterfallStepContext, key: MessageKey): Promise<void> {
    await step.context.sendActivity(translate(viewOf(step.context).locale, key));
  }
}

const OUTCOME: Readonly<Record<AuditRecord['outcome']['kind'], MessageKey>> = {
  attempted: 'history.outcome.attempted',
  succeeded: 'history.outcome.succeeded',
  refused: 'history.outcome.refused',
  failed: 'history.outcome.failed',
};

function entry(record: AuditRecord): Text {
  const outcome = record.outcome;
  const detail: string | Text =
    outcome.kind === 'refused' ? refusalReason(outcome.reason) : outcome.kind === 'failed' ? (outcome.code ?? outcome.cause) : '';
  return text('history.entry', {
    time: record.at,
    actor: record.actor.name ?? record.actor.aadObjectId,
    action: stepName(record.step),
    outcome: text(OUTCOME[outcome.kind], { detail }),
  });
}
