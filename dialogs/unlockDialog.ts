/**
 * "Which user is locked out?": ask, validate, resolve and check (one round trip for an exact address),
 * disambiguate (namesakes: each one's card), show the findings card.
 * A choice card ends this dialog; its click is answered by the card actions from the server-side
 * record of the choice, even on another instance or after the dialog state is gone.
 */
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { accountCheckCard, choiceCard } from '../cards';
import type { UnavailableCause, UserSummary } from '../src/domain/account';
import type { AccountCheck } from '../src/operations/checkAccount';
import { render, translate } from '../src/i18n/catalogue';
import { personIn, recogniseOperatorRequest } from '../src/i18n/operatorRequests';
import { stepDefinition, stepLabel } from '../src/steps/registry';
import { text, type Text } from '../src/i18n/text';
import type { DialogDependencies } from './dependencies';
import { actorOf, placeOf, viewOf } from './turn';

export const UNLOCK_DIALOG = 'unlockDialog';
const WATERFALL = 'unlockWaterfall';
const USER_PROMPT = 'userPrompt';

/** Tries at naming the user before Unlock stops and suggests other ways. */
export const MAX_TRIES = 3;

export interface UnlockOptions {
  readonly query?: string;
  readonly tries?: number;
  /** The step the request asked for ("reset …"), by id: highlighted on the card of whoever is found. */
  readonly highlight?: string;
}

interface UnlockValues {
  tries: number;
  highlight?: string;
  /** The last try was an e-mail address (or UPN) that matched nobody. */
  typedAddress?: boolean;
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
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  /**
   * Checking someone else's account is for operators only, asked of Graph for whoever is typing. With
   * the person already named, `findAndCheck` asks in the same round trip as the lookup instead.
   */
  private async authorise(step: WaterfallStepContext): Promise<DialogTurnResult> {
    if ((step.options as UnlockOptions | undefined)?.query) {
      return step.next();
    }
    const refusal = await this.deps.accounts.refusalFor(actorOf(step.context));
    return refusal ? this.refuse(step, refusal) : step.next();
  }

  private async refuse(step: WaterfallStepContext, refusal: { readonly kind: 'notOperator' } | { readonly kind: 'unavailable'; readonly cause: UnavailableCause }): Promise<DialogTurnResult> {
    if (refusal.kind === 'unavailable') {
      await this.say(step, text('unlock.unavailable'));
      await this.say(step, text(`cause.${refusal.cause}`));
    } else {
      await this.say(step, text('unlock.notOperator'));
    }
    return step.endDialog();
  }

  private async ask(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const options = (step.options ?? {}) as UnlockOptions;
    const values = step.values as UnlockValues;
    values.tries = options.tries ?? 0;
    if (options.highlight) values.highlight = options.highlight;
    if (options.query) {
      return step.next(options.query);
    }
    const { locale } = viewOf(step.context);
    // "she forgot her password": say what will happen once the person is named, not "locked out".
    const asked = values.highlight ? stepDefinition(values.highlight) : undefined;
    const prompt = asked
      ? render(locale, text(values.tries === 0 ? 'unlock.askForStep' : 'unlock.askAgainForStep', { step: stepLabel({ id: asked.id }) }))
      : translate(locale, values.tries === 0 ? 'unlock.ask' : 'unlock.askAgain');
    return step.prompt(USER_PROMPT, { prompt });
  }

  private async resolve(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const values = step.values as UnlockValues;
    const typed = String(step.result ?? '');
    const request = (step.options as UnlockOptions | undefined)?.query ? undefined : recogniseOperatorRequest(typed);
    if (request && !request.person) {
      // "he is leaving, revoke everything" typed while asked "Who is this about?" is a new request
      // about someone unnamed, not a name with a comma in it: start over with its step.
      const highlight = request.step !== undefined && stepDefinition(request.step) ? request.step : undefined;
      return step.replaceDialog(UNLOCK_DIALOG, (highlight ? { highlight } : {}) satisfies UnlockOptions);
    }
    if (request?.step !== undefined && stepDefinition(request.step)) {
      // "reset the password for Megan Bowen" as the answer: Megan Bowen, with the step now asked for.
      values.highlight = request.step;
    }
    // "it's Megan Bowen, please" is Megan Bowen, as is the address in "is megnb@contoso.com locked out?";
    // what the directory refuses stays as typed, to be refused.
    const query = personIn(request?.person ?? typed);
    const answer = await this.deps.accounts.findAndCheck(actorOf(step.context), placeOf(step.context), query);
    if (answer.kind === 'notAllowed') {
      return this.refuse(step, answer.refusal);
    }
    if (answer.kind === 'checked') {
      return this.show(step, answer.check);
    }
    const { found } = answer;
    if (found.kind === 'unavailable') {
      await this.say(step, text('unlock.unavailable'));
      await this.say(step, text(`cause.${found.cause}`));
      return step.endDialog();
    }
    if (found.kind === 'refused' || found.users.length === 0) {
      const address = isAddress(query);
      (step.values as UnlockValues).typedAddress = address;
      await this.say(
        step,
        found.kind === 'refused' ? text(`unlock.refused.${found.reason}`) : text(address ? 'unlock.noMatchAddress' : 'unlock.noMatch', { query: shorten(query) }),
      );
      return this.askAgain(step);
    }
    const { highlight } = values;
    if (areNamesakes(found)) {
      return this.showNamesakes(step, found.users);
    }
    // A near miss is never checked unasked, even when only one person is close: "Did you mean …".

    const choiceId = await this.deps.accounts.rememberChoice({ query, candidates: found.users, ...(highlight ? { highlight } : {}) });
    const choice = { query: shorten(query), choiceId, candidates: found.users, more: found.more, ...(found.approximate ? { approximate: true } : {}) };
    await step.context.sendActivity({ attachments: [choiceCard(choice, viewOf(step.context))] });
    return step.endDialog();
  }

  private async show(step: WaterfallStepContext, checked: AccountCheck): Promise<DialogTurnResult> {
    await step.context.sendActivity({ attachments: [accountCheckCard(checked, viewOf(step.context), undefined, (step.values as UnlockValues).highlight)] });
    return step.endDialog(checked.kind === 'checked' ? checked.diagnosis : undefined);
  }

  /**
   * Two or three people with exactly the name typed: each one's card, side by side, under a line that
   * says so. The operator tells them apart by what the cards show (the department, manager, phone and
   * sign-ins to check the caller against, and which of them is locked out) rather than by a bare
   * address on a choice button, and acts on the right card: the same clicks as for anyone else.
   */
  private async showNamesakes(step: WaterfallStepContext, users: readonly UserSummary[]): Promise<DialogTurnResult> {
    const { highlight } = step.values as UnlockValues;
    const [first] = users;
    const checks = await Promise.all(users.map((user) => this.deps.accounts.check(placeOf(step.context), user)));
    await this.say(step, text('unlock.namesakes', { name: first?.displayName ?? '', count: users.length }));
    for (const checked of checks) {
      await step.context.sendActivity({ attachments: [accountCheckCard(checked, viewOf(step.context), undefined, highlight)] });
    }
    return step.endDialog();
  }

  private async askAgain(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const tries = (step.values as UnlockValues).tries + 1;
    if (tries >= MAX_TRIES) {
      // After an address that was not found, "try the e-mail address" is no advice.
      await this.say(step, text((step.values as UnlockValues).typedAddress ? 'unlock.tooManyTriesAddress' : 'unlock.tooManyTries', { count: tries }));
      return step.endDialog();
    }
    const { highlight } = step.values as UnlockValues;
    return step.replaceDialog(UNLOCK_DIALOG, { tries, ...(highlight ? { highlight } : {}) } satisfies UnlockOptions);
  }

  private async say(step: WaterfallStepContext, message: Text): Promise<void> {
    await step.context.sendActivity(render(viewOf(step.context).locale, message, viewOf(step.context)));
  }
}

/** Cards shown at once for people sharing a name; more is a list to choose from. */
export const NAMESAKE_CARDS = 3;

/**
 * Everyone found has the same display name (not a near miss, not a longer list): namesakes, each
 * checked and shown. Names that only look alike ("Peteris" for "Pēteris") stay a choice to make.
 */
function areNamesakes(found: { readonly users: readonly UserSummary[]; readonly more?: boolean; readonly approximate?: boolean }): boolean {
  const names = new Set(found.users.map((user) => user.displayName.trim().toLocaleLowerCase()));
  return !found.approximate && !found.more && found.users.length >= 2 && found.users.length <= NAMESAKE_CARDS && names.size === 1;
}

/** What was typed is an e-mail address or UPN rather than a name. */
function isAddress(query: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(query.trim());
}

/** Echoing 10 kB of someone's input back helps nobody. */
function shorten(query: string): string {
  const trimmed = query.trim();
  return trimmed.length > 60 ? `${trimmed.slice(0, 57)}…` : trimmed;
}
