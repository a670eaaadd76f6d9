/**
 * The routing table of the conversation: typed commands in, the dialog or answer that serves them
 * out; card clicks go to the card actions, whose answer the bot returns as the invoke response.
 * `cancel` and `help` work at any point.
 */
import type { Attachment, StatePropertyAccessor, TurnContext } from 'botbuilder';
import { DialogSet, DialogTurnStatus, type DialogState } from 'botbuilder-dialogs';
import type { CardAction } from '../../cards';
import { translate } from '../i18n/catalogue';
import { text } from '../i18n/text';
import type { DialogDependencies } from '../../dialogs/dependencies';
import { helpCard } from '../../cards/help';
import { HISTORY_DIALOG, HistoryDialog } from '../../dialogs/historyDialog';
import { placeOf, setLanguageOverride, viewOf } from '../../dialogs/turn';
import type { CardActions } from './cardActions';
import { showsAccountDetails, surfaceOf } from '../operations/policy';
import { applyPreferences, type PreferencesAccessor } from './preferences';
import { selfServiceCard } from '../../cards/selfService';
import { recogniseRequest } from '../i18n/phrases';
import { UNLOCK_DIALOG, UnlockDialog } from '../../dialogs/unlockDialog';

export type Command =
  | { readonly kind: 'unlock'; readonly query?: string }
  | { readonly kind: 'history'; readonly query?: string }
  | { readonly kind: 'language'; readonly language?: string }
  | { readonly kind: 'help' }
  | { readonly kind: 'cancel' }
  | { readonly kind: 'text'; readonly text: string };

/** The commands the bot handles, as the Teams app manifest's `commandLists` names them. */
export const COMMANDS = ['unlock', 'check', 'history', 'language', 'help', 'cancel'] as const;

/**
 * `unlock`, `unlock anna@…`, `check Anna`, `history anna@…`, `language lv`, `help`, `cancel`;
 * anything else is an answer to a question, or unknown.
 */
export function parseCommand(message: string): Command {
  const trimmed = message.trim();
  const match = /^(unlock|check|history|language)\b\s*(.*)$/is.exec(trimmed);
  if (match) {
    const verb = (match[1] ?? '').toLowerCase();
    const argument = match[2]?.trim();
    if (verb === 'history') {
      return argument ? { kind: 'history', query: argument } : { kind: 'history' };
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

export interface RouterDependencies extends DialogDependencies {
  readonly cardActions: CardActions;
  /** Teams channel ids where account details may be shown to the helpdesk team. */
  readonly helpdeskChannelIds: readonly string[];
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
    await applyPreferences(context, this.preferences);
    const dialogs = await this.dialogs.createContext(context);
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
        await context.sendActivity({ attachments: [helpCard(viewOf(context))] });
        if (dialogs.activeDialog) {
          await dialogs.repromptDialog();
        }
        return;
      case 'unlock':
        if (!(await this.mayShowAccounts(context))) return;
        await dialogs.cancelAllDialogs();
        await dialogs.beginDialog(UNLOCK_DIALOG, command.query ? { query: command.query } : {});
        return;
      case 'history':
        if (!(await this.mayShowAccounts(context))) return;
        await dialogs.cancelAllDialogs();
        await dialogs.beginDialog(HISTORY_DIALOG, command.query ? { query: command.query } : {});
        return;
      case 'language':
        await this.setLanguage(context, command.language);
        return;
      case 'text': {
        const result = await dialogs.continueDialog();
        if (result.status === DialogTurnStatus.empty) {
          await this.answerRequest(context, command.text);
        }
        return;
      }
    }
  }

  /**
   * Card clicks: the action is already schema-checked; the answer is the card that replaces the
   * clicked one. A click ends whatever question was open in this conversation.
   */
  async runCardAction(context: TurnContext, action: CardAction): Promise<Attachment> {
    await applyPreferences(context, this.preferences);
    if (action.verb !== 'unlock.hideSecret') {
      await (await this.dialogs.createContext(context)).cancelAllDialogs();
    }
    return this.deps.cardActions.answer(context, action);
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
    setLanguageOverride(context, choice);
    const { locale } = viewOf(context);
    await context.sendActivity(translate(locale, choice ? 'language.set' : 'language.auto', { language: text(`language.name.${locale}`) }));
  }

  /** A plain sentence such as "nevaru pieslēgties" or "I can't send email": self-service first steps. */
  private async answerRequest(context: TurnContext, sentence: string): Promise<void> {
    const request = recogniseRequest(sentence);
    const view = viewOf(context);
    if (request === 'help') {
      await context.sendActivity({ attachments: [helpCard(view)] });
      return;
    }
    if (request) {
      await context.sendActivity({ attachments: [selfServiceCard(request, view)] });
      return;
    }
    await context.sendActivity(translate(view.locale, 'unlock.unknownCommand'));
  }
}
