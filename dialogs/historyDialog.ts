/**
 * "history anna@…": the Unlock actions on a user, from the audit trail, ten lines a page, newest
 * first; "more" (typed, or the card's More button) shows the next page; "history anna@… refused"
 * only the refusals. Operators only, checked again for every page: the trail names who did what to
 * whom, which end users have no business seeing.
 *
 * Between pages the dialog waits for "more" and for nothing else: any other message ends it and is
 * answered as if no dialog were open, so an operator who moves on is never stuck in the history.
 */
import { ComponentDialog, Dialog, DialogTurnStatus, WaterfallDialog, type DialogContext, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { historyCard } from '../cards/history';
import type { UserSummary } from '../src/domain/account';
import { translate, type MessageKey } from '../src/i18n/catalogue';
import { text } from '../src/i18n/text';
import { firstPage, readHistoryPage, type HistoryCursor, type HistoryFilter } from '../src/operations/history';
import type { DialogDependencies } from './dependencies';
import { actorOf, viewOf } from './turn';

export const HISTORY_DIALOG = 'historyDialog';
const FIND = 'historyFind';
const PAGES = 'historyPages';

export interface HistoryOptions {
  readonly query?: string;
  /** `refused`: only the refusals. */
  readonly filter?: HistoryFilter;
}

/** Where the conversation is in someone's history: whose, and where the next page starts. */
interface Paging {
  readonly user: UserSummary;
  readonly cursor: HistoryCursor;
  /** 1 for the newest page. */
  readonly page: number;
}

/** "more" in either language, as typed or as the More button sends it. */
export function asksForMore(message: string | undefined): boolean {
  return /^(more|vairāk|vairak)$/i.test((message ?? '').trim().replace(/[.!…]+$/, ''));
}

export class HistoryDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(HISTORY_DIALOG);
    this.addDialog(new WaterfallDialog(FIND, [this.authorise.bind(this), this.resolve.bind(this), this.start.bind(this)]));
    this.addDialog(new WaterfallDialog(PAGES, [this.show.bind(this), this.next.bind(this)]));
    this.initialDialogId = FIND;
  }

  /**
   * The dialog only ever waits for "more". Anything else ends it, and the answer "no dialog here"
   * (`empty`, which the stack now is) lets the router answer the message as it would have anyway.
   */
  override async continueDialog(outer: DialogContext): Promise<DialogTurnResult> {
    if (!asksForMore(outer.context.activity.text)) {
      await outer.endDialog();
      return { status: DialogTurnStatus.empty };
    }
    return super.continueDialog(outer);
  }

  private async authorise(step: WaterfallStepContext): Promise<DialogTurnResult> {
    return (await this.refused(step)) ? step.endDialog() : step.next();
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

  private async start(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const paging: Paging = { user: step.result as UserSummary, cursor: firstPage((step.options as HistoryOptions).filter ?? 'all'), page: 1 };
    return step.replaceDialog(PAGES, paging);
  }

  /** One page; then wait for "more", unless there was nothing at all to show. */
  private async show(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { user, cursor, page } = step.options as Paging;
    const shown = await readHistoryPage((request) => this.deps.accounts.history(user.id, request), cursor);
    const refusedOnly = cursor.filter === 'refused';
    const heading = refusedOnly ? (page === 1 ? 'history.headingRefused' : 'history.headingRefusedOlder') : page === 1 ? 'history.heading' : 'history.headingOlder';
    const empty = page > 1 || shown.next ? 'history.noneOnThisPage' : refusedOnly ? 'history.emptyRefused' : 'history.empty';
    await step.context.sendActivity({
      attachments: [
        historyCard({ heading: text(heading, { name: user.displayName }), lines: shown.lines, empty: text(empty), more: shown.next !== undefined }, viewOf(step.context)),
      ],
    });
    if (shown.lines.length === 0 && !shown.next && page === 1) {
      return step.endDialog();
    }
    const next: Paging | undefined = shown.next ? { user, cursor: shown.next, page: page + 1 } : undefined;
    (step.values as { next?: Paging }).next = next;
    return Dialog.EndOfTurn;
  }

  /** "more": the next page, or that there is none; the person is checked again first. */
  private async next(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if (await this.refused(step)) {
      return step.endDialog();
    }
    const next = (step.values as { next?: Paging }).next;
    if (!next) {
      const { user } = step.options as Paging;
      await step.context.sendActivity(translate(viewOf(step.context).locale, 'history.noMore', { name: user.displayName }));
      return step.endDialog();
    }
    return step.replaceDialog(PAGES, next);
  }

  /** Says why this person may not see the history now, if they may not. */
  private async refused(step: WaterfallStepContext): Promise<boolean> {
    const refusal = await this.deps.accounts.refusalFor(actorOf(step.context));
    if (refusal) {
      await this.say(step, refusal.kind === 'unavailable' ? `cause.${refusal.cause}` : 'history.notOperator');
    }
    return refusal !== undefined;
  }

  private async say(step: WaterfallStepContext, key: MessageKey): Promise<void> {
    await step.context.sendActivity(translate(viewOf(step.context).locale, key));
  }
}
