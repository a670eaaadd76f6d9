/**
 * Card clicks (Universal Actions): one table of verbs, each answered with the card that replaces
 * the clicked one, returned to the bot as the `adaptiveCard/action` invoke response. The action is
 * already schema-checked; its ids are looked up server side, and who may do what is decided by the
 * operations at this click, from the Teams identity of the person who clicked.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/work-with-universal-actions-for-adaptive-cards
 */
import { itemLabel } from '../i18n/itemName';
import type { Attachment, TurnContext } from 'botbuilder';
import { accountCheckCard, confirmCard, findingsCard, messageCard, secretCard, VERBS, type Banner, type CardAction, type CardActionOf, type CardView } from '../../cards';
import { failureBanner, refusalBanner } from '../../cards/banners';
import { actorOf, placeOf, viewOf } from '../../dialogs/turn';
import type { RemediationStep } from '../domain/diagnosis';
import type { Secret } from '../domain/secret';
import { render, type MessageKey } from '../i18n/catalogue';
import { text, type Text } from '../i18n/text';
import type { AccountChecks } from '../operations/checkAccount';
import { mayShowActionsHere, sameStep, secretGoesToPrivateChat, showsAccountDetails, surfaceOf, type Refusal } from '../operations/policy';
import type { CardOffer } from '../operations/ports';
import { CLAIM_HOLD_MS } from '../adapters/storage/actionClaims';
import type { PartResult, StepClick, StepRunner } from '../operations/runStep';
import { stepDefinition, stepLabel, type StepId } from '../steps/registry';
import type { SecretWords, StepAnswers } from '../steps/step';
import type { ChannelCards, PrivateChat } from './channelCards';
import type { HelpRequestTurns } from './helpRequestTurns';
import type { TeamsConfirmationTurns } from './teamsConfirmationTurns';

export interface CardActionDependencies {
  readonly accounts: AccountChecks;
  readonly steps: StepRunner;
  /** Teams channel ids where account details may be shown to the helpdesk team. */
  readonly helpdeskChannelIds: readonly string[];
  readonly helpRequests: HelpRequestTurns;
  /** "Confirmed by the user in Teams": the question sent, and its Yes/No. */
  readonly teamsConfirmations: TeamsConfirmationTurns;
  /** Findings cards shared in a helpdesk channel, and secrets sent from there to a 1:1 chat. */
  readonly channelCards: ChannelCards;
}

/**
 * Help requests show no account: Ask the helpdesk is an end user's own, and Take and Resolve act only
 * in the help channel their card was posted to (checked by the operation), not only in `HELPDESK_CHANNEL_IDS`.
 */
const HELP_REQUEST_VERBS: ReadonlySet<CardAction['verb']> = new Set([VERBS.askHelpdesk, VERBS.takeRequest, VERBS.resolveRequest, VERBS.assignRequest, VERBS.checkRequest, VERBS.withdrawRequest, VERBS.showRequestActions]);

type Handler<V extends CardAction['verb']> = (context: TurnContext, action: CardActionOf<V>) => Promise<Attachment>;

export class CardActions {
  private readonly verbs: { readonly [V in CardAction['verb']]: Handler<V> } = {
    'unlock.chooseUser': (context, action) => this.chooseUser(context, action),
    'unlock.answerConfirmation': (context, action) => this.deps.teamsConfirmations.answer(context, action),
    'unlock.step': (context, action) => this.step(context, action),
    'unlock.confirm': (context, action) => this.confirm(context, action),
    'unlock.cancel': (context, action) => this.cancel(context, action),
    'unlock.recheck': (context, action) => this.recheck(context, action),
    'unlock.hideSecret': async (context, action) => {
      const words = secretWordsOf(action.step);
      // A button from before `repeatAt` was carried: the latest the hold can end.
      const repeatAt = action.repeatAt ?? repeatTime();
      return words ? secretCard({ hidden: words, repeatAt }, viewOf(context)) : message(context, text('unlock.staleCard'));
    },
    'unlock.askHelpdesk': (context, action) => this.deps.helpRequests.ask(context, action),
    'unlock.takeRequest': (context, action) => this.deps.helpRequests.take(context, action),
    'unlock.resolveRequest': (context, action) => this.deps.helpRequests.resolve(context, action),
    'unlock.assignRequest': (context, action) => this.deps.helpRequests.assign(context, action),
    'unlock.checkRequest': (context, action) => this.deps.helpRequests.checkAccount(context, action),
    'unlock.withdrawRequest': (context, action) => this.deps.helpRequests.withdraw(context, action),
    'unlock.showActions': (context, action) => this.showActions(context, action),
    'unlock.showRequestActions': (context, action) => this.deps.helpRequests.showActions(context, action),
  };

  constructor(private readonly deps: CardActionDependencies) {}

  /** The card that replaces the clicked one. Follow-up messages, if any, are sent during the turn. */
  async answer(context: TurnContext, action: CardAction): Promise<Attachment> {
    if (action.verb !== 'unlock.hideSecret' && !HELP_REQUEST_VERBS.has(action.verb) && !showsAccountDetails(surfaceOf(placeOf(context), this.deps.helpdeskChannelIds))) {
      return message(context, text('surface.helpOnly'));
    }
    const handler = this.verbs[action.verb] as Handler<typeof action.verb>;
    return handler(context, action);
  }

  private async chooseUser(context: TurnContext, action: CardActionOf<'unlock.chooseUser'>): Promise<Attachment> {
    const refusal = await this.deps.accounts.refusalFor(actorOf(context));
    if (refusal) {
      const heading = text(refusal.kind === 'unavailable' ? 'unlock.unavailable' : 'unlock.notOperator');
      return message(context, heading, refusal.kind === 'unavailable' ? [text(`cause.${refusal.cause}`)] : []);
    }
    const chosen = await this.deps.accounts.chosen(action.choiceId, action.index);
    if (!chosen) {
      return message(context, text('unlock.staleCard'));
    }
    const { user, highlight } = chosen;
    const checked = await this.deps.accounts.check(placeOf(context), user);
    await context.sendActivity({ attachments: [accountCheckCard(checked, viewOf(context), undefined, highlight)] });
    return message(context, text('unlock.chosen', { name: user.displayName }));
  }

  private async cancel(context: TurnContext, action: CardActionOf<'unlock.cancel'>): Promise<Attachment> {
    const actor = actorOf(context);
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal) {
      return refusalOnly(context, refusalBanner(refusal, actor?.aadObjectId));
    }
    const offer = await this.deps.accounts.offered(action.cardId);
    return offer ? this.offerCard(context, offer, action.cardId, { tone: 'neutral', text: text('result.cancelled') }) : message(context, text('unlock.staleCard'));
  }

  private async recheck(context: TurnContext, action: CardActionOf<'unlock.recheck'>): Promise<Attachment> {
    const offer = await this.deps.accounts.offered(action.cardId);
    if (!offer) {
      return message(context, text('unlock.staleCard'));
    }
    const actor = actorOf(context);
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal) {
      return refusalOnly(context, refusalBanner(refusal, actor?.aadObjectId));
    }
    const checked = await this.deps.accounts.check(placeOf(context), offer.target);
    const views = await this.views(context);
    // Checked again for everyone: the shared card in a channel shows the account as it is now.
    if (views.shared && checked.kind === 'checked') {
      await this.deps.channelCards.updateShared(context, accountCheckCard(checked, views.shared));
    }
    return accountCheckCard(checked, views.answer);
  }

  /**
   * Show actions, clicked or run by Teams as the card's refresh: an operator, in the conversation
   * the card was shown in, gets the card with its buttons (only their client shows it); anyone else
   * gets the read-only card everyone sees, which tells them nothing new.
   */
  private async showActions(context: TurnContext, action: CardActionOf<'unlock.showActions'>): Promise<Attachment> {
    const offer = await this.deps.accounts.offered(action.cardId);
    if (!offer) {
      return message(context, text('unlock.staleCard'));
    }
    const refusal = await this.deps.accounts.refusalFor(actorOf(context));
    const card = { user: offer.target, diagnosis: offer.diagnosis, cardId: action.cardId, checkedAt: offer.checkedAt };
    if (!mayShowActionsHere(refusal, offer, placeOf(context))) {
      // The same card as posted, named for nobody new: a refusal here would only say who may act.
      return offer.conversationId === placeOf(context).conversationId
        ? findingsCard(card, this.deps.channelCards.sharedView(context, await this.deps.channelCards.known(context)))
        : message(context, text('unlock.staleCard'));
    }
    return findingsCard(card, (await this.views(context)).answer);
  }

  /** The first click on a step: confirm a change, show guidance, or say why not. */
  private async step(context: TurnContext, action: CardActionOf<'unlock.step'>): Promise<Attachment> {
    const click = clickOf(context, action);
    if (!click) {
      return this.refusedWithoutActor(context);
    }
    const prepared = await this.deps.steps.prepare(click);
    switch (prepared.kind) {
      case 'cardGone':
        return message(context, text('unlock.staleCard'));
      case 'confirm':
        return confirmCard(
          {
            user: prepared.offer.target,
            step: prepared.step,
            cardId: action.cardId,
            stillOpen: prepared.stillOpen,
            confirmationId: prepared.confirmationId,
            ...(prepared.choices ? { choices: prepared.choices } : {}),
            ...(prepared.parts ? { parts: prepared.parts } : {}),
          },
          viewOf(context),
        );
      case 'guidance': {
        await context.sendActivity({ attachments: [messageCard({ heading: prepared.heading, paragraphs: prepared.paragraphs }, viewOf(context))] });
        const checked = await this.deps.accounts.offer(placeOf(context), prepared.target, prepared.diagnosis, prepared.checkedAt);
        return accountCheckCard(checked, (await this.views(context)).answer);
      }
      default:
        return this.refusalCard(context, prepared.offer, click, prepared);
    }
  }

  /** "Yes" on a confirmation: everything is authorised and read again now, then the one change. */
  private async confirm(context: TurnContext, action: CardActionOf<'unlock.confirm'>): Promise<Attachment> {
    if (stepDefinition(action.step)?.kind !== 'write') {
      return this.step(context, { verb: 'unlock.step', cardId: action.cardId, step: action.step, ...(action.itemId ? { itemId: action.itemId } : {}) });
    }
    const click = clickOf(context, action);
    if (!click) {
      return this.refusedWithoutActor(context);
    }
    const privateChat = await this.privateChatForSecret(context, click.step.id);
    if (privateChat === 'unreachable') {
      const offer = await this.deps.accounts.offered(action.cardId);
      return offer ? this.offerCard(context, offer, action.cardId, { tone: 'attention', text: text('channel.secret.unreachable') }) : message(context, text('unlock.staleCard'));
    }
    const outcome = await this.deps.steps.execute(click);
    switch (outcome.kind) {
      case 'cardGone':
        return message(context, text('unlock.staleCard'));
      case 'confirmInTeams':
        return this.deps.teamsConfirmations.ask(context, outcome, action.cardId);
      case 'failed': {
        const definition = stepDefinition(click.step.id);
        const advice = definition?.kind === 'write' ? definition.failureAdvice?.(outcome, outcome.offer.target) : undefined;
        return this.offerCard(context, outcome.offer, action.cardId, failureBanner(click.step.id, outcome, advice));
      }
      case 'done': {
        const doneNote = stepDefinition(click.step.id);
        const delay = text(doneNote?.kind === 'write' && doneNote.doneNote ? doneNote.doneNote : 'result.doneDelay');
        const details: Text[] = [
          ...partLines(outcome.offer, outcome.parts ?? []),
          delay,
          ...(outcome.secret && doneNote?.kind === 'write' && doneNote.secret ? [text(doneNote.secret.done)] : []),
        ];
        const view = viewOf(context);
        const banner: Banner =
          outcome.secret && privateChat
            ? withParts(await this.sendSecretPrivately(context, privateChat, click, outcome.target, outcome.secret, delay), partLines(outcome.offer, outcome.parts ?? []))
            : { tone: 'good', text: doneText(outcome.offer, click.step), details };
        const views = await this.views(context);
        let render: (view: CardView) => Attachment;
        try {
          const checked = outcome.diagnosis ? await this.deps.accounts.offer(placeOf(context), outcome.target, outcome.diagnosis, new Date().toISOString()) : undefined;
          render = (shown) => (checked ? accountCheckCard(checked, shown, banner) : messageCard({ heading: banner.text, paragraphs: banner.details ?? [] }, shown));
        } catch {
          // The change is made; a card we cannot record still tells the truth, without buttons.
          render = (shown) => messageCard({ heading: banner.text, paragraphs: banner.details ?? [] }, shown);
        }
        // In a channel everyone sees what was done (never a secret); the operator's own card keeps the buttons.
        if (views.shared) {
          await this.deps.channelCards.updateShared(context, render(views.shared));
        }
        const after = render(views.answer);
        if (!outcome.secret || privateChat) {
          return after;
        }
        // The secret goes only into the invoke response to the operator's own click, in their 1:1 chat;
        // the new state follows as an ordinary message that carries no secret.
        await context.sendActivity({ attachments: [after] }).catch(() => undefined);
        const words = secretWordsOf(click.step.id);
        if (!words) throw new Error(`Step ${click.step.id} answered a secret but has no words for it.`);
        return secretCard({ user: outcome.target, secret: outcome.secret.value, details: outcome.secret.details, step: click.step.id, words, repeatAt: repeatTime() }, view);
      }
      default:
        return this.refusalCard(context, outcome.offer, click, outcome);
    }
  }

  private async refusalCard(context: TurnContext, offer: CardOffer, click: StepClick, refusal: Refusal): Promise<Attachment> {
    const banner = refusalBanner(refusal, click.actor.aadObjectId, click.step.id);
    // Someone who may not see accounts is told why, and shown nothing of the card they clicked.
    if (refusal.kind === 'notOperator' || refusal.kind === 'otherConversation') {
      return refusalOnly(context, banner);
    }
    if (refusal.kind === 'notNeeded') {
      const checked = await this.deps.accounts.offer(placeOf(context), offer.target, refusal.diagnosis, new Date().toISOString());
      return accountCheckCard(checked, viewOf(context), banner);
    }
    return this.offerCard(context, offer, click.cardId, banner);
  }

  /** A click with no Teams identity behind it: refused on the card as it was offered. */
  private async refusedWithoutActor(context: TurnContext): Promise<Attachment> {
    return refusalOnly(context, refusalBanner({ kind: 'notOperator' }, undefined));
  }

  /** The card as it was offered, with a banner; no Graph call. */
  private async offerCard(context: TurnContext, offer: CardOffer, cardId: string, banner: Banner): Promise<Attachment> {
    return findingsCard({ user: offer.target, diagnosis: offer.diagnosis, cardId, checkedAt: offer.checkedAt, banner }, (await this.views(context)).answer);
  }

  /**
   * How findings cards answer this click. In a channel: the answer (shown to the clicker alone) has
   * the buttons for an operator, and `shared` is the read-only card everyone sees, refreshed for the
   * operators known there. Elsewhere the conversation is the operator's own.
   */
  private async views(context: TurnContext): Promise<{ readonly answer: CardView; readonly shared?: CardView }> {
    const { channelCards } = this.deps;
    if (!channelCards.isShared(context)) {
      return { answer: viewOf(context) };
    }
    if (await this.deps.accounts.refusalFor(actorOf(context))) {
      return { answer: channelCards.sharedView(context, await channelCards.known(context)) };
    }
    const refreshFor = await channelCards.remember(context);
    return { answer: channelCards.operatorView(context, refreshFor), shared: channelCards.sharedView(context, refreshFor) };
  }

  /**
   * A secret made from a channel goes to the clicker's 1:1 chat, so that chat must be reachable before
   * anything changes: a temporary password nobody receives would leave the user locked out. Only for
   * an operator (the runner checks again): nobody else gets a chat opened by clicking.
   */
  private async privateChatForSecret(context: TurnContext, stepId: string): Promise<PrivateChat | 'unreachable' | undefined> {
    const definition = stepDefinition(stepId);
    if (definition?.kind !== 'write' || !definition.showsSecret || !secretGoesToPrivateChat(placeOf(context))) return undefined;
    if (await this.deps.accounts.refusalFor(actorOf(context))) return undefined;
    return (await this.deps.channelCards.openPrivateChat(context)) ?? 'unreachable';
  }

  /**
   * The secret, with a line saying where it came from, in the clicker's 1:1 chat; the banner for the
   * channel says who made it and where it went, or, when it could not be delivered, that it is lost.
   */
  private async sendSecretPrivately(
    context: TurnContext,
    privateChat: PrivateChat,
    click: StepClick,
    target: CardOffer['target'],
    secret: { readonly value: Secret; readonly details: readonly Text[] },
    delay: Text,
  ): Promise<Banner> {
    const view = { ...viewOf(context), shared: undefined };
    const words = secretWordsOf(click.step.id);
    if (!words) throw new Error(`Step ${click.step.id} answered a secret but has no words for it.`);
    const action = stepLabel({ id: click.step.id });
    const sent = await privateChat.send([
      { type: 'message', text: render(view.locale, text('channel.secret.privateIntro', { action, name: target.displayName }), view) },
      { type: 'message', attachments: [secretCard({ user: target, secret: secret.value, details: secret.details, step: click.step.id, words, repeatAt: repeatTime() }, view)] },
    ]);
    const name = click.actor.name ?? click.actor.aadObjectId;
    if (!sent) {
      return { tone: 'attention', text: text('channel.secret.notDelivered', { action }) };
    }
    return { tone: 'good', text: text(SENT_PRIVATELY[click.step.id as StepId] ?? 'channel.secret.passwordSent', { name }), details: [delay, text('channel.secret.sentWhere', { name })] };
  }
}

function clickOf(context: TurnContext, action: CardActionOf<'unlock.step' | 'unlock.confirm'>): StepClick | undefined {
  const actor = actorOf(context);
  if (!actor) return undefined;
  const step: RemediationStep = { id: action.step, ...(action.itemId ? { itemId: action.itemId } : {}) };
  const answers: StepAnswers = {
    ...('lifetimeMinutes' in action && action.lifetimeMinutes ? { lifetimeMinutes: Number(action.lifetimeMinutes) } : {}),
    ...('usableOnce' in action && action.usableOnce ? { usableOnce: action.usableOnce === 'true' } : {}),
    ...('verifiedBy' in action && action.verifiedBy ? { verifiedBy: action.verifiedBy } : {}),
  };
  const confirmationId = 'confirmationId' in action ? action.confirmationId : undefined;
  return {
    actor,
    place: placeOf(context),
    cardId: action.cardId,
    step,
    ...(Object.keys(answers).length > 0 ? { answers } : {}),
    ...(confirmationId ? { confirmationId } : {}),
  };
}

/** How a step's secret is named on its card; undefined for a step that shows none. */
function secretWordsOf(stepId: string): SecretWords | undefined {
  const definition = stepDefinition(stepId);
  return definition?.kind === 'write' ? definition.secret : undefined;
}

/** A refusal on its own, for someone who may not see the card's account. */
function refusalOnly(context: TurnContext, banner: Banner): Attachment {
  return message(context, banner.text, banner.details ?? []);
}

/** "Allow sign-in: done.", or with the rule or method the step was about: 'Remove method "SM-A146B": done.' */
function doneText(offer: CardOffer, step: RemediationStep, done = true): Text {
  const offered = offer.diagnosis.steps.find((candidate) => sameStep(candidate, step)) ?? step;
  const action = stepLabel({ id: offered.id });
  const item = offered.itemName !== undefined ? itemLabel(offered.itemName) : undefined;
  if (!done) return item ? text('result.partNotDoneWithItem', { action, item }) : text('result.partNotDone', { action });
  return item ? text('result.doneWithItem', { action, item }) : text('result.done', { action });
}

/** What a step made of others did, part by part; one not done stays on the card, to try alone. */
function partLines(offer: CardOffer, parts: readonly PartResult[]): Text[] {
  return parts.map((part) => doneText(offer, part.step, part.done));
}

function withParts(banner: Banner, parts: readonly Text[]): Banner {
  return parts.length > 0 ? { ...banner, details: [...parts, ...(banner.details ?? [])] } : banner;
}

/** The channel card's line for a secret sent privately, by the step that made it. */
const SENT_PRIVATELY: Partial<Record<StepId, MessageKey>> = {
  resetPassword: 'channel.secret.passwordSent',
  secureAccount: 'channel.secret.passwordSent',
  temporaryAccessPass: 'channel.secret.passSent',
};

function message(context: TurnContext, heading: Text, paragraphs: readonly Text[] = []): Attachment {
  return messageCard({ heading, paragraphs }, viewOf(context));
}

/** When a step done now may be done again on the same user: after the at-most-once hold of its claim. */
function repeatTime(): string {
  return new Date(Date.now() + CLAIM_HOLD_MS).toISOString();
}
