/**
 * A remediation from a card click: authorise, confirm, execute, re-read, result. The confirmation is
 * a card; its "Yes" click starts this dialog again at `execute`, carrying only the card id and the
 * step, and everything is authorised and read again then. So no dialog state has to survive between
 * the two clicks, and a click served by another instance is as safe as one served here.
 */
import type { Attachment } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type DialogTurnResult, type WaterfallStepContext } from 'botbuilder-dialogs';
import { confirmCard, findingsCard, messageCard, passwordCard, type Banner, type CardAction, type CardActionOf } from '../cards';
import type { RemediationStep } from '../src/domain/diagnosis';
import type { MessageKey } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import { REMEDIATIONS } from '../src/steps/execution';
import type { Authorisation, RemediationResult, Refusal } from '../src/operations/runStep';
import type { CardOffer } from '../src/adapters/storage/cardRecords';
import type { DialogDependencies } from './dependencies';
import { checkAccount, presentDiagnosis } from './findingsPresenter';
import { guidanceCard } from './guidance';
import { actorOf, placeOf, replaceClickedCard, viewOf } from './turn';

export const REMEDIATION_DIALOG = 'remediationDialog';
const WATERFALL = 'remediationWaterfall';

export interface RemediationOptions {
  readonly action: CardActionOf<'unlock.step' | 'unlock.confirm' | 'unlock.cancel' | 'unlock.recheck'>;
  readonly offer: CardOffer;
}

export class RemediationDialog extends ComponentDialog {
  constructor(private readonly deps: DialogDependencies) {
    super(REMEDIATION_DIALOG);
    this.addDialog(
      new WaterfallDialog(WATERFALL, [
        this.authorise.bind(this),
        this.confirm.bind(this),
        this.execute.bind(this),
        this.result.bind(this),
      ]),
    );
    this.initialDialogId = WATERFALL;
  }

  private async authorise(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, offer } = step.options as RemediationOptions;
    if (action.verb === 'unlock.cancel') {
      await this.showOffer(step, offer, action.cardId, { tone: 'good', text: text('result.cancelled') });
      return step.endDialog();
    }
    const actor = actorOf(step.context);
    if (action.verb === 'unlock.recheck') {
      const access = actor ? await this.deps.operators.check(actor.aadObjectId) : undefined;
      if (access?.kind !== 'operator') {
        await this.showOffer(step, offer, action.cardId, refusalBanner({ kind: 'notOperator' }));
        return step.endDialog();
      }
      replaceClickedCard(step.context, (await checkAccount(step.context, this.deps, offer.target)).card);
      return step.endDialog();
    }
    const remediationStep = stepOf(action);
    if (!actor) {
      await this.showOffer(step, offer, action.cardId, refusalBanner({ kind: 'notOperator' }));
      return step.endDialog();
    }
    if (action.verb === 'unlock.confirm' && REMEDIATIONS[remediationStep.id].execute) {
      // "Yes": execute authorises everything again itself; reading the account twice would only
      // delay the answer Teams is waiting for.
      return step.next(true);
    }
    const authorisation = await this.deps.remediation.prepare({ actor, offer, step: remediationStep, cardId: action.cardId, place: placeOf(step.context) });
    if (authorisation.kind !== 'allowed') {
      await this.showRefusal(step, offer, action.cardId, authorisation);
      return step.endDialog();
    }
    if (!REMEDIATIONS[remediationStep.id].execute) {
      await step.context.sendActivity({ attachments: [guidanceCard(remediationStep.id, authorisation, viewOf(step.context))] });
      replaceClickedCard(step.context, await this.cardFor(step, offer.target, authorisation));
      return step.endDialog();
    }
    return step.next(action.verb === 'unlock.confirm');
  }

  private async confirm(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, offer } = step.options as RemediationOptions;
    if (step.result === true) {
      return step.next();
    }
    replaceClickedCard(
      step.context,
      confirmCard({ user: offer.target, step: stepOf(action), cardId: cardIdOf(action) }, viewOf(step.context)),
    );
    return step.endDialog();
  }

  private async execute(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, offer } = step.options as RemediationOptions;
    const actor = actorOf(step.context);
    if (!actor) {
      return step.endDialog();
    }
    const result = await this.deps.remediation.execute({ actor, offer, step: stepOf(action), cardId: cardIdOf(action), place: placeOf(step.context) });
    return step.next(result);
  }

  private async result(step: WaterfallStepContext): Promise<DialogTurnResult> {
    const { action, offer } = step.options as RemediationOptions;
    const result = step.result as RemediationResult;
    const remediationStep = stepOf(action);
    const title = text(`step.${remediationStep.id}.title`);
    if (result.kind === 'failed') {
      await this.showOffer(step, offer, cardIdOf(action), failureBanner(title, result));
    } else if (result.kind !== 'done') {
      await this.showRefusal(step, offer, cardIdOf(action), result);
    } else {
      const details: Text[] = [text('result.doneDelay')];
      if (result.temporaryPassword) {
        details.push(text('result.donePassword'));
      }
      const banner: Banner = { tone: 'good', text: text('result.done', { action: title }), details };
      const view = viewOf(step.context);
      if (result.temporaryPassword) {
        // The password goes only into the invoke response to the operator's own click, in their 1:1
        // chat, and it is put there first: whatever fails after this, the operator still sees it.
        replaceClickedCard(step.context, passwordCard({ user: result.target, password: result.temporaryPassword }, view));
      }
      let after: Attachment;
      try {
        after = result.diagnosis
          ? await presentDiagnosis(step.context, this.deps, result.target, result.diagnosis, new Date().toISOString(), banner)
          : messageCard({ heading: banner.text, paragraphs: details }, view);
      } catch {
        // The change is made; a card we cannot record still tells the truth, without buttons.
        after = messageCard({ heading: banner.text, paragraphs: details }, view);
      }
      if (result.temporaryPassword) {
        // The new state follows as an ordinary message that carries no secret.
        await step.context.sendActivity({ attachments: [after] }).catch(() => undefined);
      } else {
        replaceClickedCard(step.context, after);
      }
    }
    return step.endDialog();
  }

  private async showRefusal(step: WaterfallStepContext, offer: CardOffer, cardId: string, refusal: Refusal): Promise<void> {
    if (refusal.kind === 'notNeeded') {
      const card = await presentDiagnosis(step.context, this.deps, offer.target, refusal.diagnosis, new Date().toISOString(), refusalBanner(refusal));
      replaceClickedCard(step.context, card);
      return;
    }
    await this.showOffer(step, offer, cardId, refusalBanner(refusal));
  }

  /** Shows the card as it was offered, with a banner; no Graph call. */
  private async showOffer(step: WaterfallStepContext, offer: CardOffer, cardId: string, banner: Banner): Promise<void> {
    replaceClickedCard(
      step.context,
      findingsCard({ user: offer.target, diagnosis: offer.diagnosis, cardId, checkedAt: offer.checkedAt, banner }, viewOf(step.context)),
    );
  }

  private async cardFor(step: WaterfallStepContext, user: CardOffer['target'], authorisation: Extract<Authorisation, { kind: 'allowed' }>): Promise<Attachment> {
    return presentDiagnosis(step.context, this.deps, user, authorisation.diagnosis, authorisation.state.checkedAt);
  }
}

function stepOf(action: CardAction): RemediationStep {
  if (action.verb !== 'unlock.step' && action.verb !== 'unlock.confirm') {
    throw new Error(`${action.verb} names no remediation step`);
  }
  return { id: action.step, ...(action.ruleId ? { ruleId: action.ruleId } : {}) };
}

function cardIdOf(action: CardAction): string {
  return 'cardId' in action ? action.cardId : '';
}

const REFUSAL_TEXT: Readonly<Record<Refusal['kind'], MessageKey>> = {
  notOperator: 'result.notOperator',
  notPersonalChat: 'result.passwordOnlyInPersonalChat',
  notOffered: 'result.notOffered',
  staleCard: 'result.staleCard',
  alreadyClaimed: 'result.alreadyClaimed',
  privilegedTarget: 'result.privilegedTarget',
  rolesUnknown: 'result.rolesUnknown',
  notNeeded: 'result.notNeeded',
  userNotFound: 'result.userNotFound',
  unavailable: 'result.unavailable',
};

function refusalBanner(refusal: Refusal): Banner {
  const params: Record<string, string | number> = {};
  const details: Text[] = [];
  if (refusal.kind === 'privilegedTarget') {
    params.roles = refusal.roles.join(', ');
  }
  if (refusal.kind === 'staleCard') {
    params.count = refusal.ageMinutes;
  }
  if (refusal.kind === 'alreadyClaimed') {
    params.name = refusal.by.name;
    params.time = refusal.by.at;
  }
  if (refusal.kind === 'notNeeded' && refusal.doneBy) {
    details.push(text('result.doneBy', { name: refusal.doneBy.name, time: refusal.doneBy.at }));
  }
  if (refusal.kind === 'unavailable') {
    details.push(text(`cause.${refusal.cause}`));
    if (refusal.requestId) {
      details.push(text('result.requestId', { requestId: refusal.requestId }));
    }
  }
  return { tone: refusal.kind === 'notNeeded' ? 'good' : 'attention', text: text(REFUSAL_TEXT[refusal.kind], params), details };
}

function failureBanner(title: Text, failure: Extract<RemediationResult, { kind: 'failed' }>): Banner {
  const reason: MessageKey =
    failure.cause === 'noAnswer'
      ? 'result.failed.unknown'
      : failure.cause === 'rejected'
        ? 'result.failed.rejected'
        : failure.cause === 'permission'
          ? 'result.failed.permission'
          : 'result.failed.other';
  const details: Text[] = [text(reason, { code: failure.code ?? failure.cause })];
  if (failure.cause === 'throttled' || failure.cause === 'outage') {
    details.push(text(`cause.${failure.cause}`));
  }
  if (failure.requestId) {
    details.push(text('result.requestId', { requestId: failure.requestId }));
  }
  return { tone: 'attention', text: text('result.failed', { action: title }), details };
}
