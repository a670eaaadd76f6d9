/**
 * "Which user is locked out?": ask, validate, resolve, disambiguate, check, show the findings card.
 * A choice card ends this dialog; the click starts it again with the chosen person, so a click is
 * served from the server-side record even on another instance or after the dialog state is gone.
 */
import { ActivityTypes } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { choiceCard, messageCard } from '../cards';
import type { UserSummary } from '../src/domain/account';
import { translate } from '../src/i18n/catalogue';
import { text } from '../src/i18n/text';
import type { DialogDependencies } from './dependencies';
import { checkAccount } from './findingsPresenter';
import { actorOf, replaceClickedCard, viewOf } from './turn';

export const UNLOCK_DIALOG = 'unlockDialog';
const WATERFALL = 'unlockWaterfall';
const USER_PROMPT = 'userPrompt';

/** Tries at naming the user before Unlock stops and suggests other ways. */
export const MAX_TRIES = 3;

export type UnlockOptions =
  | { readonly query?: string; readonly tries?: number }
  | { readonly chosen: { readonly choiceId: string; readonly index: number } };

interface UnlockValues {
  tries: number;
  user?: UserSummary;
}

export class UnlockDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(UNLOCK_DIALOG);
    this.addDialog(new TextPrompt(USER_PROMPT));
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.authorise.bind(this),
        this.ask.bind(this),
        this.resolve.bind(this),
        this.check.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /** Checking someone else's account is for operators only, asked of Graph for whoever is typing. */
  private async authorise(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const actor = actorOf(step.context);
    const access = actor ? await this.deps.operators.check(actor.aadObjectId) : { kind: 'notOperator' as const };
    if (access.kind === 'operator') {
      return step.next();
    }
    const paragraphs = access.kind === 'unavailable' ? [text(`cause.${access.cause}`)] : [];
    const heading = text(access.kind === 'unavailable' ? 'unlock.unavailable' : 'unlock.notOperator');
    if (step.context.activity.type === ActivityTypes.Invoke) {
      // A click on a choice card: the answer replaces that card, for the person who clicked.
      replaceClickedCard(step.context, messageCard({ heading, paragraphs }, viewOf(step.context)));
    } else {
      for (const line of [heading, ...paragraphs]) {
        await this.say(step, line.key);
      }
    }
    return step.endDialog();
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as UnlockOptions;
    const values = step.values as UnlockValues;
    if ('chosen' in options) {
      const choice = await this.deps.choices.get(options.chosen.choiceId);
      const user = choice?.candidates[options.chosen.index];
      if (!user) {
        replaceClickedCard(step.context, messageCard({ heading: text('unlock.staleCard'), paragraphs: [] }, viewOf(step.context)));
        return step.endDialog();
      }
      replaceClickedCard(step.context, messageCard({ heading: text('unlock.chosen', { name: user.displayName }), paragraphs: [] }, viewOf(step.context)));
      values.user = user;
      return step.next();
    }
    values.tries = options.tries ?? 0;
    if (options.query) {
      return step.next(options.query);
    }
    const key = values.tries === 0 ? 'unlock.ask' : 'unlock.askAgain';
    return step.prompt(USER_PROMPT, { prompt: translate(viewOf(step.context).locale, key) });
  }

  private async resolve(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as UnlockValues;
    if (values.user) {
      return step.next();
    }
    const query = String(step.result ?? '');
    const found = await this.deps.directory.findUsers(query);
    if (found.kind === 'unavailable') {
      await this.say(step, 'unlock.unavailable');
      await this.say(step, `cause.${found.cause}`);
      return step.endDialog();
    }
    if (found.kind === 'refused' || found.users.length === 0) {
      await this.say(step, found.kind === 'refused' ? `unlock.refused.${found.reason}` : 'unlock.noMatch', { query: shorten(query) });
      return this.askAgain(step);
    }
    if (found.users.length === 1) {
      values.user = found.users[0];
      return step.next();
    }
    const choiceId = await this.deps.choices.add({ query, candidates: found.users });
    await step.context.sendActivity({
      attachments: [choiceCard({ query: shorten(query), choiceId, candidates: found.users, more: found.more }, viewOf(step.context))],
    });
    return step.endDialog();
  }

  private async check(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const user = (step.values as UnlockValues).user;
    if (!user) {
      return step.endDialog();
    }
    const checked = await checkAccount(step.context, this.deps, user);
    await step.context.sendActivity({ attachments: [checked.card] });
    return step.endDialog(checked.kind === 'card' ? checked.diagnosis : undefined);
  }

  private async askAgain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const tries = (step.values as UnlockValues).tries + 1;
    if (tries >= MAX_TRIES) {
      await this.say(step, 'unlock.tooManyTries', { count: tries });
      return step.endDialog();
    }
    return step.replaceDialog(UNLOCK_DIALOG, { tries });
  }

  private async say(step: WaterfallStepContext, key: Parameters<typeof translate>[1], params?: Record<string, string | number>): Promise<void> {
    await step.context.sendActivity(translate(viewOf(step.context).locale, key, params));
  }
}

/** Echoing 10 kB of someone's input back helps nobody. */
function shorten(query: string): string {
  const trimmed = query.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
