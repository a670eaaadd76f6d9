/**
 * The routing table of the conversation: typed commands in, the dialog or answer that serves them
 * out; card clicks go to the card actions, whose answer the bot returns as the invoke response.
 * `cancel` and `help` work at any point. A plain sentence is, in this order: an operator's request
 * ("reset the password for Megan Bowen", "atiestati paroli Annai Bērziņai"), someone's own trouble
 * ("nevaru pieslēgties"), small talk ("hi", "paldies"), or not understood.
 */
import type { Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogContext, type DialogState } from 'botbuilder-dialogs';
import type { CardAction } from '../../cards';
import { translate } from '../i18n/catalogue';
import { text } from '../i18n/text';
import type { DialogDependencies } from '../../dialogs/dependencies';
import { endUserHelpCard, helpCard } from '../../cards/help';
import { HISTORY_DIALOG, HistoryDialog, type HistoryOptions } from '../../dialogs/historyDialog';
import { actorOf, placeOf, setLanguageOverride, viewOf } from '../../dialogs/turn';
import type { CardActions } from './cardActions';
import type { ChannelCards } from './channelCards';
import { showsAccountDetails, surfaceOf } from '../operations/policy';
import type { LanguagePreferences } from '../operations/ports';
import { applyPreferences, type PreferencesAccessor } from './preferences';
import { recogniseColleagueRequest, recogniseHelpdeskCommand, recogniseRequest, recogniseSmallTalk, recogniseWithdrawRequest } from '../i18n/phrases';
import type { AlertTurns } from './alertTurns';
import type { HelpRequestTurns } from './helpRequestTurns';
import { personIn, recogniseOperatorRequest } from '../i18n/operatorRequests';
import { stepDefinition } from '../steps/registry';
import { UNLOCK_DIALOG, UnlockDialog, type UnlockOptions } from '../../dialogs/unlockDialog';

export type Command =
  | { readonly kind: 'unlock'; readonly query?: string }
  | { readonly kind: 'history'; readonly query?: string; readonly refusals?: true }
  | { readonly kind: 'language'; readonly language?: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'cancel' }
  /** "use this channel for help requests", "izmanto šo kanālu palīdzības pieprasījumiem" */
  | { readonly kind: 'useHelpChannel' }
  /** "requests", "pieprasījumi" */
  | { readonly kind: 'requests' }
  /** "withdraw my request", "atsaukt manu pieprasījumu": the asker's own latest help request */
  | { readonly kind: 'withdrawRequest' }
  /** "use this channel for alerts", "izmanto šo kanālu brīdinājumiem" */
  | { readonly kind: 'useAlertChannel' }
  | { readonly kind: 'text'; readonly text: string };

/** The commands the bot handles, as the Teams app manifest's `commandLists` names them. */
export const COMMANDS = ['unlock', 'check', 'history', 'language', 'help', 'cancel'] as const;

/**
 * `unlock`, `unlock anna@…`, `check Anna`, `history anna@…` (also `vēsture`; `… refused` or
 * `… atteikumi` for the refusals only), `language lv`, `help`, `cancel`; anything else is an
 * answer to a question, or unknown.
 */
export function parseCommand(message: string): Command {
  const trimmed = message.trim();
  const helpdesk = recogniseHelpdeskCommand(trimmed);
  if (helpdesk) {
    return { kind: helpdesk === 'useChannelForRequests' ? 'useHelpChannel' : helpdesk === 'useChannelForAlerts' ? 'useAlertChannel' : 'requests' };
  }
  if (recogniseWithdrawRequest(trimmed)) {
    return { kind: 'withdrawRequest' };
  }
  const match = /^(unlock|check|history|vēsture|vesture|language)\b\s*(.*)$/is.exec(trimmed);
  if (match) {
    const verb = (match[1] ?? '').toLowerCase();
    const argument = match[2]?.trim();
    if (verb === 'history' || verb === 'vēsture' || verb === 'vesture') {
      return historyCommand(argument);
    }
    if (verb === 'language') {
      return argument ? { kind: 'language', language: argument.toLowerCase() } : { kind: 'language' };
    }
    return argument ? { kind: 'unlock', query: argument } : { kind: 'unlock' };
  }
  const word = trimmed.toLowerCase().replace(/[.!?]+$/, '');
  if (word === 'help' || word === '?') {
    return { kind: 'help' };
  }
  if (word === 'cancel' || word === 'stop') {
    return { kind: 'cancel' };
  }
  return { kind: 'text', text: trimmed };
}

/** The last word `refused` (`refusals`, Latvian `atteikumi`) asks for the refusals only. */
function historyCommand(argument: string | undefined): Command {
  const filtered = /^(.*?)\s*\b(refused|refusals|atteikumi)$/isu.exec(argument ?? '');
  const query = (filtered ? filtered[1] : argument)?.trim();
  return { kind: 'history', ...(query ? { query } : {}), ...(filtered ? { refusals: true as const } : {}) };
}

export interface RouterDependencies extends DialogDependencies {
  readonly cardActions: CardActions;
  /** Teams channel ids where account details may be shown to the helpdesk team. */
  readonly helpdeskChannelIds: readonly string[];
  readonly helpRequests: HelpRequestTurns;
  readonly alerts: AlertTurns;
  /** Who gets the refresh of the shared cards in a helpdesk channel thread. */
  readonly channelCards?: ChannelCards;
  /** The language choice again by Entra object id, for messages Unlock starts (a confirmation asked in Teams). */
  readonly languages?: Pick<LanguagePreferences, 'remember'>;
}

/** The top of the conversation: owns the dialog set and decides what serves each turn. */
export class Router {
  private readonly dialogs: DialogSet;

  constructor(
    private readonly deps: RouterDependencies,
    dialogState: StatePropertyAccessor<DialogState>,
    private readonly preferences: PreferencesAccessor,
  ) {
    this.dialogs = new DialogSet(dialogState);
    this.dialogs.add(new UnlockDialog(deps));
    this.dialogs.add(new HistoryDialog(deps));
  }

  async runMessage(context: TurnContext, message: string): Promise<void> {
    await this.route(context, message);
    await this.rememberOperatorInChannel(context);
  }

  /**
   * An operator who asked for a card in a helpdesk channel thread gets that thread's shared cards
   * refreshed to their own view, later edits included. Asked after the turn, when the operator check
   * is cached (it rode in the lookup's request), so it costs no Graph call of its own.
   */
  private async rememberOperatorInChannel(context: TurnContext): Promise<void> {
    const { channelCards } = this.deps;
    if (!channelCards?.isShared(context) || surfaceOf(placeOf(context), this.deps.helpdeskChannelIds) !== 'helpdeskChannel') return;
    if ((await this.deps.accounts.refusalFor(actorOf(context))) === undefined) {
      await channelCards.remember(context);
    }
  }

  private async route(context: TurnContext, message: string): Promise<void> {
    // The user's language and the conversation's dialog state are two reads of storage: side by side.
    const [, dialogs] = await Promise.all([applyPreferences(context, this.preferences), this.dialogs.createContext(context)]);
    const command = parseCommand(message);
    const locale = viewOf(context).locale;
    switch (command.kind) {
      case 'cancel': {
        const active = dialogs.activeDialog !== undefined;
        await dialogs.cancelAllDialogs();
        await context.sendActivity(translate(locale, active ? 'unlock.cancelled' : 'unlock.nothingToCancel'));
        return;
      }
      case 'help':
        await this.help(context, message);
        if (dialogs.activeDialog) {
          await dialogs.repromptDialog();
        }
        return;
      case 'unlock':
        if (!(await this.mayShowAccounts(context))) return;
        await dialogs.cancelAllDialogs();
        await dialogs.beginDialog(UNLOCK_DIALOG, command.query ? { query: personIn(command.query) } : {});
        return;
      case 'history':
        if (!(await this.mayShowAccounts(context))) return;
        await dialogs.cancelAllDialogs();
        await dialogs.beginDialog(HISTORY_DIALOG, historyOptions(command));
        return;
      case 'language':
        await this.setLanguage(context, command.language);
        return;
      case 'useHelpChannel':
        await this.deps.helpRequests.useChannel(context);
        return;
      case 'requests':
        await this.deps.helpRequests.list(context);
        return;
      case 'withdrawRequest':
        await this.deps.helpRequests.withdrawLatest(context);
        return;
      case 'useAlertChannel':
        await this.deps.alerts.useChannel(context);
        return;
      case 'text': {
        const result = await dialogs.continueDialog();
        if (result.status === DialogTurnStatus.empty) {
          await this.answerSentence(context, dialogs, command.text);
        }
        return;
      }
    }
  }

  /** The app was installed here: what Unlock does, for operators and everyone else alike; no account details. */
  async welcome(context: TurnContext): Promise<void> {
    await applyPreferences(context, this.preferences);
    await context.sendActivity(translate(viewOf(context).locale, 'chat.hello'));
  }

  /**
   * Card clicks: the action is already schema-checked; the answer is the card that replaces the
   * clicked one. A click ends whatever question was open in this conversation.
   */
  async runCardAction(context: TurnContext, action: CardAction): Promise<Attachment> {
    const [, dialogs] = await Promise.all([
      applyPreferences(context, this.preferences),
      action.verb !== 'unlock.hideSecret' ? this.dialogs.createContext(context) : undefined,
    ]);
    await dialogs?.cancelAllDialogs();
    return this.deps.cardActions.answer(context, action);
  }

  /**
   * "help": an operator gets the help card with the commands. Someone who is not an operator never sees
   * those: in their 1:1 chat, what their own account shows, then what they can ask; elsewhere only the
   * latter. When Microsoft 365 cannot say who is an operator, the commands are shown: each one checks again.
   */
  private async help(context: TurnContext, sentence: string): Promise<void> {
    const view = viewOf(context);
    if ((await this.deps.accounts.refusalFor(actorOf(context)))?.kind !== 'notOperator') {
      await context.sendActivity({ attachments: [helpCard(view)] });
      return;
    }
    if (placeOf(context).conversationType === 'personal') {
      await this.deps.helpRequests.selfService(context, 'help', sentence);
    }
    await context.sendActivity({ attachments: [endUserHelpCard(view)] });
  }

  /** Account details only where the right people see them; elsewhere say where to go instead. */
  private async mayShowAccounts(context: TurnContext): Promise<boolean> {
    if (showsAccountDetails(surfaceOf(placeOf(context), this.deps.helpdeskChannelIds))) {
      return true;
    }
    await context.sendActivity(translate(viewOf(context).locale, 'surface.helpOnly'));
    return false;
  }

  /** "language lv", "language en", "language auto"; anything else shows the current choice. */
  private async setLanguage(context: TurnContext, requested: string | undefined): Promise<void> {
    const choice = requested === 'lv' || requested === 'en' ? requested : requested === 'auto' ? undefined : 'show';
    if (choice === 'show') {
      const { locale } = viewOf(context);
      await context.sendActivity(translate(locale, 'language.current', { language: text(`language.name.${locale}`) }));
      return;
    }
    await this.preferences.set(context, choice ? { language: choice } : {});
    const aadObjectId = actorOf(context)?.aadObjectId;
    if (aadObjectId) await this.deps.languages?.remember(aadObjectId, choice);
    setLanguageOverride(context, choice);
    const { locale } = viewOf(context);
    await context.sendActivity(translate(locale, choice ? 'language.set' : 'language.auto', { language: text(`language.name.${locale}`) }));
  }

  /**
   * A plain sentence. An operator's request about someone begins the unlock dialog with the person
   * and the step asked for (its id checked against the step registry); the card highlights that
   * step. Anyone else writing the same sentence gets what an end user gets — first steps for their
   * own trouble, or help — and Unlock looks nobody up for them: the operator check comes first.
   */
  private async answerSentence(context: TurnContext, dialogs: DialogContext, sentence: string): Promise<void> {
    const view = viewOf(context);
    const request = recogniseOperatorRequest(sentence);
    const here = showsAccountDetails(surfaceOf(placeOf(context), this.deps.helpdeskChannelIds));
    if (request && here) {
      const refusal = await this.deps.accounts.refusalFor(actorOf(context));
      if (refusal?.kind !== 'notOperator') {
        // An operator, or Microsoft 365 could not say: the dialog checks again and says which.
        const highlight = request.step !== undefined && stepDefinition(request.step) ? request.step : undefined;
        const options: UnlockOptions = { ...(request.person ? { query: personIn(request.person) } : {}), ...(highlight ? { highlight } : {}) };
        await dialogs.beginDialog(UNLOCK_DIALOG, options);
        return;
      }
    }
    if (request?.person && !here) {
      // About someone by name, where everyone in the chat would read the answer: help only, no lookup.
      await context.sendActivity(translate(view.locale, 'surface.helpOnly'));
      return;
    }
    // "my colleague … can't sign in" from an end user in their 1:1 chat goes to the helpdesk at once.
    const behalf = recogniseColleagueRequest(sentence);
    if (behalf && (await this.deps.helpRequests.askForColleague(context, sentence, behalf.colleague))) {
      return;
    }
    const trouble = recogniseRequest(sentence);
    if (trouble === 'help') {
      await this.help(context, sentence);
      return;
    }
    if (trouble) {
      await this.deps.helpRequests.selfService(context, trouble, sentence);
      return;
    }
    if (request) {
      await context.sendActivity(translate(view.locale, here ? 'unlock.notOperator' : 'surface.helpOnly'));
      return;
    }
    const chat = recogniseSmallTalk(sentence);
    // A bare name ("Berzinsh", "Megan Bowen") from an operator is a person to check: the search
    // answers it, with "Did you mean" for a near miss. Only words of letters, at most three.
    if (!chat && here && BARE_NAME.test(sentence.trim()) && (await this.deps.accounts.refusalFor(actorOf(context))) === undefined) {
      await dialogs.beginDialog(UNLOCK_DIALOG, { query: sentence.trim() } satisfies UnlockOptions);
      return;
    }
    await context.sendActivity(translate(view.locale, chat === 'thanks' ? 'chat.thanks' : chat === 'greeting' ? 'chat.hello' : 'unlock.unknownCommand'));
  }
}

/**
 * One to three words of letters (any script, with apostrophes and hyphens), capitalised as names are:
 * what a name looks like. A lower-case word ("more", "ok") is not taken for one.
 */
const BARE_NAME = /^(?=\p{Lu})[\p{L}'’-]+(?:\s+[\p{L}'’-]+){0,2}$/u;

function historyOptions(command: Extract<Command, { kind: 'history' }>): HistoryOptions {
  return { ...(command.query ? { query: personIn(command.query) } : {}), ...(command.refusals ? { filter: 'refused' } : {}) };
}
