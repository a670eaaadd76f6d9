/**
 * Running a remediation step safely. At every click: the person who clicked is authorised at that
 * moment, the card must be fresh, the target is read again, and the step runs only if a fresh
 * diagnosis still offers it (so a privileged target, an account already fixed, or a step the card
 * never offered changes nothing). The step is claimed on the target's record with an ETag, so it
 * runs at most once however often and by whomever it is clicked. One write, then a fresh read to
 * show the new truth. Every attempt and refusal is audited. Who may do what is `policy.ts`'s call.
 */
import { randomUUID } from 'node:crypto';
import type { AccountState, UserSummary } from '../domain/account';
import type { Actor, Place } from '../domain/actor';
import type { AuditOutcome, AuditRecord } from '../domain/audit';
import type { Diagnosis, RemediationStep } from '../domain/diagnosis';
import type { WriteFailureCause, WriteOutcome } from '../domain/outcome';
import type { Secret } from '../domain/secret';
import type { Text } from '../i18n/text';
import { diagnose, type DiagnosisOptions } from '../diagnosis/diagnose';
import { callerDoubts } from '../diagnosis/identityWarnings';
import { claimKey, stepDefinition, stepLabel } from '../steps/registry';
import { GUIDANCE_HISTORY_LIMIT, isTeamsVerification, type GuidanceHistory, type TeamsVerificationMethod, type StepAnswers, type StepChoices, type StepDefinition, type SingleWriteStep, type StepResult, type TenantWrites, type WriteStep } from '../steps/step';
import { isCardFreshEnough, isVerified, mayActOnTarget, mayCheckAccounts, mayRequestStepHere, needsVerification, sameStep, securingParts, type LimitReached, type PriorAction, type Refusal, type StepRequest } from './policy';
import type { HelpdeskAlert } from './alerts';
import type { ActionClaims, AuditLog, CardOffer, HeldClaim, DirectoryService, OfferStore, OperatorDirectory, TeamsConfirmation } from './ports';
import type { TeamsConfirmations } from './teamsConfirmations';
import type { WriteLimits } from './writeLimits';

export type { PriorAction, Refusal } from './policy';

/** A click on a card button that names a step. */
export interface StepClick {
  readonly actor: Actor;
  readonly place: Place;
  readonly cardId: string;
  readonly step: RemediationStep;
  /** What the operator chose on the confirmation card, for a step that asks. */
  readonly answers?: StepAnswers;
  /** The confirmation card's own id, from its "Yes" button: each confirmation acts once. */
  readonly confirmationId?: string;
}

/** The card behind the click is gone (expired, or never ours): nothing to act on, nothing audited. */
export interface CardGone {
  readonly kind: 'cardGone';
}

export type Authorisation =
  | {
      readonly kind: 'allowed';
      readonly offer: CardOffer;
      readonly target: UserSummary;
      readonly state: AccountState;
      readonly diagnosis: Diagnosis;
      readonly step: StepDefinition;
    }
  | ({ readonly offer: CardOffer } & Refusal)
  | CardGone;

/** What a first click leads to: a question to confirm a change, a guidance text, or a refusal. */
export type Preparation =
  | {
      readonly kind: 'confirm';
      readonly offer: CardOffer;
      readonly step: RemediationStep;
      readonly choices?: StepChoices;
      /** Lifting a protection on a compromised-looking account: the securing steps still open, to say first. */
      readonly stillOpen: readonly RemediationStep[];
      /** A step made of others: the parts it will run, in order. */
      readonly parts?: readonly RemediationStep[];
      /** Carried by the confirmation's "Yes": it acts once. */
      readonly confirmationId: string;
    }
  | {
      readonly kind: 'guidance';
      readonly offer: CardOffer;
      readonly heading: Text;
      readonly paragraphs: readonly Text[];
      readonly target: UserSummary;
      readonly diagnosis: Diagnosis;
      readonly checkedAt: string;
    }
  | ({ readonly offer: CardOffer } & Refusal)
  | CardGone;

export type StepOutcome =
  | {
      readonly kind: 'done';
      readonly offer: CardOffer;
      readonly target: UserSummary;
      /** The account after the change, read again; undefined when that read failed. */
      readonly diagnosis: Diagnosis | undefined;
      /** Only for a step whose result is a secret: shown once, to the operator who asked, with facts about it. */
      readonly secret?: SecretShown;
      readonly requestId?: string;
      /** A step made of others: each part, in the order run, and whether it was written. */
      readonly parts?: readonly PartResult[];
    }
  | {
      readonly kind: 'failed';
      readonly offer: CardOffer;
      readonly cause: WriteFailureCause;
      readonly code?: string;
      readonly requestId?: string;
    }
  /** "Confirmed in Teams" chosen and no answer yet: the question is to be sent; nothing was changed. */
  | {
      readonly kind: 'confirmInTeams';
      readonly offer: CardOffer;
      readonly target: UserSummary;
      readonly step: RemediationStep;
      readonly method: TeamsVerificationMethod;
    }
  | ({ readonly offer: CardOffer } & Refusal)
  | CardGone;

/** A secret a step made, with facts about it for its card. */
export interface SecretShown {
  readonly value: Secret;
  readonly details: readonly Text[];
}

/** One part of a step made of others, as offered (with its rule's or method's name), and whether it was written. */
export interface PartResult {
  readonly step: RemediationStep;
  readonly done: boolean;
}

/** How one write ended: written (with its result), failed, or refused before anything was written. */
type WriteAttempt =
  | { readonly kind: 'written'; readonly result: Extract<StepResult, { kind: 'done' | 'secret' }> }
  | Extract<WriteOutcome, { kind: 'failed' }>
  | Refusal;

export interface StepRunnerDependencies {
  /** The tenant's settings that the diagnosis applies (who is out of reach). */
  readonly diagnosis: DiagnosisOptions;
  readonly directory: DirectoryService;
  /**
   * The tenant as this actor may change it. App-only today (every operator gets the app's rights);
   * acting with the operator's own delegated token later only changes this function.
   */
  readonly tenantFor: (actor: Actor) => TenantWrites;
  readonly operators: OperatorDirectory;
  readonly offers: OfferStore;
  readonly claims: ActionClaims;
  readonly audit: AuditLog;
  readonly generatePassword: () => string;
  /** A card older than this asks for a fresh check instead of acting. */
  readonly cardMaxAgeMinutes: number;
  readonly now?: () => Date;
  /** Told of what went wrong after a write was made, when the rest of the turn must still go on. */
  readonly onAfterWriteError?: (error: unknown) => void;
  /** How often sensitive steps may run, per operator and per target; none: no limits (dialog tests). */
  readonly limits?: WriteLimits;
  /** The helpdesk's alerts (a limit reached); never throws. */
  readonly alert?: (alert: HelpdeskAlert) => Promise<unknown>;
  /** Answers to questions asked in Teams; none: "confirmed in Teams" is refused. */
  readonly teamsConfirmations?: Pick<TeamsConfirmations, 'forStep' | 'use'>;
}

export class StepRunner {
  private readonly now: () => Date;

  constructor(private readonly deps: StepRunnerDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /** The first click on a step: a change goes on to confirmation, a guidance step shows its text. */
  async prepare(click: StepClick): Promise<Preparation> {
    const authorisation = await this.authorise(click);
    if (authorisation.kind === 'cardGone') return authorisation;
    if (authorisation.kind !== 'allowed') {
      await this.record(click, authorisation.offer, { kind: 'refused', reason: authorisation.kind });
      return authorisation;
    }
    const { offer, step, target, diagnosis, state } = authorisation;
    if (step.kind === 'guidance') {
      const history = step.needsHistory ? await this.guidanceHistory(target.id) : undefined;
      const content = step.guidance({ target, diagnosis, state, stepName: stepLabel, ...(history ? { history } : {}) });
      return { kind: 'guidance', offer, ...content, target, diagnosis, checkedAt: state.checkedAt };
    }
    // Said at the first click too, so nobody verifies a caller for a change that will be refused;
    // counted only at the confirming click (`execute`), where it decides.
    const limited = await this.deps.limits?.check(step, click.actor.aadObjectId, target.id, this.now());
    if (limited) {
      await this.refuseForLimit(click, offer, step, limited);
      return { ...limited, offer };
    }
    // Done (or being done) on this user within the at-most-once hold: said now, before anyone verifies a
    // caller for a change that would be refused. The confirming click claims it again (`execute`).
    const held = await this.deps.claims.held(target.id, claimKey(click.step), this.now());
    if (held) {
      const refusal: Refusal = { kind: 'alreadyClaimed', by: { by: held.by, name: held.name, at: held.at, step: held.step ?? step.id }, until: heldUntil(held) };
      await this.record(click, offer, { kind: 'refused', reason: refusal.kind });
      return { ...refusal, offer };
    }
    // As the card offered it, with the name of its rule or method: the click carries only ids.
    const offered = offer.diagnosis.steps.find((candidate) => sameStep(candidate, click.step)) ?? click.step;
    const stillOpen = step.purpose === 'lift' && diagnosis.compromised ? diagnosis.stillOpen : [];
    // A step that asks how the caller was verified (always or on a compromised account) repeats the
    // warning that the caller may not be the user, whether or not the choice is asked this time.
    const doubt = step.kind === 'write' && step.verification !== undefined ? callerDoubts(diagnosis.verification?.warnings ?? [])[0] : undefined;
    const verification: StepChoices = {
      ...(needsVerification(step, diagnosis) ? { verification: true, ...(await this.confirmedInTeams(click, target.id)) } : {}),
      ...(doubt ? { callerDoubt: doubt } : {}),
    };
    if (!step.ask) {
      const parts = step.kind === 'write' && step.runs ? { parts: partsToRun(diagnosis, offer).map((part) => part.step) } : {};
      return { kind: 'confirm', offer, step: offered, stillOpen, confirmationId: randomUUID(), ...parts, ...(Object.keys(verification).length > 0 ? { choices: verification } : {}) };
    }
    const question = await step.ask({ tenant: this.deps.tenantFor(click.actor), target, step: offered, generatePassword: this.deps.generatePassword });
    if (question.kind === 'ask') {
      return { kind: 'confirm', offer, step: offered, choices: { ...question.choices, ...verification }, stillOpen, confirmationId: randomUUID() };
    }
    const refusal: Refusal =
      question.kind === 'cannot'
        ? { kind: 'cannotRun', reason: question.reason, details: question.details }
        : { kind: 'unavailable', cause: question.cause === 'rejected' || question.cause === 'noAnswer' ? 'outage' : question.cause, ...(question.requestId ? { requestId: question.requestId } : {}) };
    await this.record(click, offer, { kind: 'refused', reason: refusal.kind });
    return { ...refusal, offer };
  }

  /** The confirming click: authorise again, claim the step, make the one change, read the result. */
  async execute(click: StepClick): Promise<StepOutcome> {
    const authorisation = await this.authorise(click);
    if (authorisation.kind === 'cardGone') return authorisation;
    const { offer } = authorisation;
    if (authorisation.kind !== 'allowed') {
      await this.record(click, offer, { kind: 'refused', reason: authorisation.kind });
      return authorisation;
    }
    const { step, target, diagnosis } = authorisation;
    const unverified = isVerified(step, diagnosis, click.answers?.verifiedBy);
    if (unverified) {
      await this.record(click, offer, { kind: 'refused', reason: unverified.kind });
      return { ...unverified, offer };
    }
    if (step.kind !== 'write') {
      return { kind: 'notOffered', offer };
    }
    // The user's (or manager's) own Yes in Teams is Unlock's to check, never the card's word: without
    // one the question is asked (nothing else happens), after a No the step is refused.
    const method = click.answers?.verifiedBy;
    let teamsYes: TeamsConfirmation | undefined;
    if (isTeamsVerification(method)) {
      const answered = this.deps.teamsConfirmations ? await this.deps.teamsConfirmations.forStep(click.actor.aadObjectId, target.id, click.step, method) : undefined;
      if (answered?.kind === 'denied' && answered.confirmation.answer) {
        const { by: who, at } = answered.confirmation.answer;
        await this.record(click, offer, { kind: 'refused', reason: 'deniedInTeams' });
        return { kind: 'deniedInTeams', by: { by: who.aadObjectId, name: who.name, at }, offer };
      }
      if (answered?.kind !== 'confirmed') {
        if (!answered) {
          await this.record(click, offer, { kind: 'refused', reason: 'notConfirmedInTeams' });
          return { kind: 'notConfirmedInTeams', offer };
        }
        const offered = offer.diagnosis.steps.find((candidate) => sameStep(candidate, click.step)) ?? click.step;
        return { kind: 'confirmInTeams', offer, target, step: offered, method };
      }
      teamsYes = answered.confirmation;
    }
    // Each confirmation card acts once: its id is claimed for longer than any card may act, so a
    // replayed "Yes" (the same click again, after the step's own claim ran out) changes nothing.
    const confirmation = click.confirmationId ? `confirmation:${click.confirmationId}` : undefined;
    const by = click.actor.aadObjectId;
    const used = confirmation
      ? await this.deps.claims.claim(
          target.id,
          confirmation,
          { by, name: click.actor.name ?? by, step: step.id, holdMs: (this.deps.cardMaxAgeMinutes + 1) * 60_000 },
          this.now(),
        )
      : undefined;
    if (used?.kind !== 'claimed') {
      const refusal: Refusal = used?.kind === 'taken' ? { kind: 'confirmationUsed' } : { kind: 'notOffered' };
      await this.record(click, offer, { kind: 'refused', reason: refusal.kind });
      return { ...refusal, offer };
    }
    // A change that did not happen gives its confirmation back, so the operator can try again.
    const confirmationBack = (): Promise<void> => this.deps.claims.settle(target.id, confirmation as string, by, 'failed', this.now());
    if (step.runs === 'openSecuringSteps') {
      return this.executeParts(click, offer, target, diagnosis, teamsYes, confirmationBack);
    }
    const attempt = await this.writeOnce(click, offer, step, target, teamsYes, confirmationBack);
    if (attempt.kind !== 'written') return { ...attempt, offer };
    const { result } = attempt;
    return this.readBack(offer, target, {
      ...(result.kind === 'secret' ? { secret: { value: result.secret, details: result.details } } : {}),
      ...(result.requestId ? { requestId: result.requestId } : {}),
    });
  }

  /**
   * The change is made: the account read again for the card. From here on nothing may keep the
   * operator from seeing the result (and a secret that now is the user's only way in), so it is best effort.
   */
  private async readBack(offer: CardOffer, target: UserSummary, made: Pick<Extract<StepOutcome, { kind: 'done' }>, 'secret' | 'requestId' | 'parts'>): Promise<StepOutcome> {
    const after = await this.afterWrite(() => this.deps.directory.readAccountState(target));
    return { kind: 'done', offer, target, diagnosis: after?.kind === 'ok' ? diagnose(after.state, this.deps.diagnosis) : undefined, ...made };
  }

  /**
   * A step made of the securing steps still open: each part as if clicked on its own (limits, claim,
   * audit), under the one confirmation and the one verification. A part that cannot be done does not
   * stop the rest (a rule left in place is no reason to leave the sessions open); the confirmation is
   * given back only when nothing was written.
   */
  private async executeParts(
    click: StepClick,
    offer: CardOffer,
    target: UserSummary,
    diagnosis: Diagnosis,
    teamsYes: TeamsConfirmation | undefined,
    confirmationBack: () => Promise<void>,
  ): Promise<StepOutcome> {
    const by = click.actor.aadObjectId;
    const parts = partsToRun(diagnosis, offer);
    if (parts.length === 0) {
      await this.afterWrite(confirmationBack);
      await this.record(click, offer, { kind: 'refused', reason: 'notOffered' });
      return { kind: 'notOffered', offer };
    }
    // The Yes from Teams allows this one securing, taken before the first part.
    if (teamsYes && !(await this.deps.teamsConfirmations?.use(teamsYes.id, by, target.id, click.step))) {
      await this.afterWrite(confirmationBack);
      await this.record(click, offer, { kind: 'refused', reason: 'notConfirmedInTeams' });
      return { kind: 'notConfirmedInTeams', offer };
    }
    const inTeams = answeredInTeams(teamsYes);
    const done: PartResult[] = [];
    let firstMiss: WriteAttempt | undefined;
    let secret: SecretShown | undefined;
    let requestId: string | undefined;
    for (const part of parts) {
      let attempt: WriteAttempt;
      try {
        attempt = await this.writeOnce({ ...click, step: part.step }, offer, part.definition, target, undefined, async () => undefined, inTeams);
      } catch (error) {
        // Thrown before an answer (writeOnce gave its claim back): told, and the next part goes on.
        this.deps.onAfterWriteError?.(error);
        attempt = { kind: 'failed', cause: 'outage' };
      }
      done.push({ step: part.step, done: attempt.kind === 'written' });
      if (attempt.kind !== 'written') {
        firstMiss ??= attempt;
        continue;
      }
      requestId ??= attempt.result.requestId;
      if (attempt.result.kind === 'secret') secret = { value: attempt.result.secret, details: attempt.result.details };
    }
    if (!done.some((part) => part.done)) {
      await this.afterWrite(confirmationBack);
      return { ...(firstMiss as Exclude<WriteAttempt, { kind: 'written' }>), offer };
    }
    return this.readBack(offer, target, { ...(secret ? { secret } : {}), ...(requestId ? { requestId } : {}), parts: done });
  }

  /**
   * One change, as one click makes it: counted against its limits, claimed (at most once), audited
   * before and after, settled. Anything that keeps it from being written gives back what it took.
   * `teamsYes` is used here, after the claim, for a step confirmed in Teams on its own; `inTeams` is the
   * Yes already used by a step made of parts, recorded on each.
   */
  private async writeOnce(
    click: StepClick,
    offer: CardOffer,
    step: SingleWriteStep,
    target: UserSummary,
    teamsYes: TeamsConfirmation | undefined,
    confirmationBack: () => Promise<void>,
    usedInTeams?: Pick<AuditRecord, 'answeredInTeams'>,
  ): Promise<WriteAttempt> {
    const by = click.actor.aadObjectId;
    const inTeams = usedInTeams ?? answeredInTeams(teamsYes);
    // Counted before the write, in storage every instance shares: past a limit, nothing is written.
    const counted = this.deps.limits ? await this.deps.limits.take(step, by, target.id, this.now()) : undefined;
    if (counted?.kind === 'limitReached') {
      await confirmationBack();
      await this.refuseForLimit(click, offer, step, counted);
      return counted;
    }
    // A write that did not happen is not counted either.
    const giveBack = async (): Promise<void> => {
      await confirmationBack();
      if (counted?.kind === 'taken') await counted.release();
    };
    const claim = await this.claim(click, offer, step);
    if (claim) {
      await this.afterWrite(giveBack);
      await this.record(click, offer, { kind: 'refused', reason: claim.kind });
      return claim;
    }
    const key = claimKey(click.step);
    // The Yes from Teams allows one write: taken now, by exactly one of any clicks racing for it.
    if (teamsYes && !(await this.deps.teamsConfirmations?.use(teamsYes.id, by, target.id, click.step))) {
      await this.afterWrite(() => this.deps.claims.settle(target.id, key, by, 'failed', this.now()));
      await this.afterWrite(giveBack);
      await this.record(click, offer, { kind: 'refused', reason: 'notConfirmedInTeams' });
      return { kind: 'notConfirmedInTeams' };
    }
    let result: StepResult;
    try {
      await this.record(click, offer, { kind: 'attempted' }, inTeams);
      result = await step.execute({
        tenant: this.deps.tenantFor(click.actor),
        target,
        step: click.step,
        generatePassword: this.deps.generatePassword,
        ...(click.answers ? { answers: click.answers } : {}),
      });
    } catch (error) {
      // Nothing was sent, or the call threw before an answer: give the step back, keep the error.
      await this.afterWrite(() => this.deps.claims.settle(target.id, key, by, 'failed', this.now()));
      await this.afterWrite(giveBack);
      throw error;
    }
    if (result.kind === 'cannot') {
      // Refused by the step before any write: the claim goes back, and the operator reads why.
      await this.afterWrite(() => this.deps.claims.settle(target.id, key, by, 'failed', this.now()));
      await this.afterWrite(giveBack);
      await this.afterWrite(() => this.record(click, offer, { kind: 'refused', reason: 'cannotRun' }, inTeams));
      return { kind: 'cannotRun', reason: result.reason, details: result.details };
    }
    if (result.kind === 'failed') {
      // Without an answer the change may have been made: the claim stays until it runs out, so nobody
      // repeats it blindly, and the operator is asked to check the account again.
      if (result.cause !== 'noAnswer') {
        await this.afterWrite(() => this.deps.claims.settle(target.id, key, by, 'failed', this.now()));
        await this.afterWrite(giveBack);
      }
      await this.afterWrite(() => this.record(click, offer, result, inTeams));
      return result;
    }
    const requestId = result.requestId ? { requestId: result.requestId } : {};
    await this.afterWrite(() => this.deps.claims.settle(target.id, key, by, 'done', this.now()));
    await this.afterWrite(() => this.record(click, offer, { kind: 'succeeded', ...requestId }, inTeams));
    return { kind: 'written', result };
  }

  /** Past a limit: audited as refused, and the helpdesk alerted with who, what and how often. */
  private async refuseForLimit(click: StepClick, offer: CardOffer, step: WriteStep, limited: LimitReached): Promise<void> {
    await this.record(click, offer, { kind: 'refused', reason: limited.kind });
    const { actor } = click;
    await this.deps.alert?.({
      kind: 'limitReached',
      operator: { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId },
      target: { id: offer.target.id, displayName: offer.target.displayName, userPrincipalName: offer.target.userPrincipalName },
      step: step.id,
      limit: limited,
      at: this.now().toISOString(),
    });
  }

  /** One bounded read of the target's audit trail; a store that cannot answer makes the text say so. */
  private async guidanceHistory(targetId: string): Promise<GuidanceHistory> {
    try {
      const page = await this.deps.audit.forTarget(targetId, { limit: GUIDANCE_HISTORY_LIMIT });
      return { kind: 'read', records: page.records, more: page.continuation !== undefined };
    } catch {
      return { kind: 'unavailable' };
    }
  }

  private async afterWrite<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.deps.onAfterWriteError?.(error);
      return undefined;
    }
  }

  private async authorise(click: StepClick): Promise<Authorisation> {
    const offer = await this.deps.offers.get(click.cardId);
    if (!offer) return { kind: 'cardGone' };
    const step = stepDefinition(click.step.id);
    if (!step) return { kind: 'notOffered', offer };
    const request: StepRequest = {
      step,
      offered: click.step,
      offer,
      place: click.place,
      now: this.now(),
      cardMaxAgeMinutes: this.deps.cardMaxAgeMinutes,
    };
    const here = mayRequestStepHere(request);
    if (here) return { ...here, offer };
    const notOperator = mayCheckAccounts(await this.deps.operators.check(click.actor.aadObjectId));
    if (notOperator) return { ...notOperator, offer };
    const stale = isCardFreshEnough(request);
    if (stale) return { ...stale, offer };
    const read = await this.deps.directory.readAccountState(offer.target);
    if (read.kind === 'userNotFound') {
      return { ...read, offer };
    }
    if (read.kind === 'unavailable') {
      return { kind: 'unavailable', cause: read.cause, ...(read.requestId ? { requestId: read.requestId } : {}), offer };
    }
    const diagnosis = diagnose(read.state, this.deps.diagnosis);
    const refusal = mayActOnTarget(step, click.step, diagnosis);
    if (refusal?.kind === 'notNeeded') {
      const doneBy = await this.lastDone(offer.target.id, click.step);
      return { ...refusal, ...(doneBy ? { doneBy } : {}), offer };
    }
    if (refusal) return { ...refusal, offer };
    return { kind: 'allowed', offer, target: offer.target, state: read.state, diagnosis, step };
  }

  /** Claims the step for this click; answers the refusal when it is not ours to run. */
  private async claim(click: StepClick, offer: CardOffer, step: WriteStep): Promise<Refusal | undefined> {
    const { actor } = click;
    const claim = await this.deps.claims.claim(
      offer.target.id,
      claimKey(click.step),
      { by: actor.aadObjectId, name: actor.name ?? actor.aadObjectId, step: step.id },
      this.now(),
    );
    if (claim.kind === 'missing') {
      return { kind: 'notOffered' };
    }
    if (claim.kind === 'claimed') {
      return undefined;
    }
    const { by, name, at } = claim.claim;
    return { kind: 'alreadyClaimed', by: { by, name, at, step: claim.claim.step ?? step.id }, until: heldUntil(claim.claim) };
  }

  private async lastDone(targetId: string, step: RemediationStep): Promise<PriorAction | undefined> {
    const records = await this.deps.audit.forTarget(targetId, 50);
    const done = records.find((record) => record.step === step.id && record.outcome.kind === 'succeeded');
    return done ? { by: done.actor.aadObjectId, name: done.actor.name ?? done.actor.aadObjectId, at: done.at, step: done.step } : undefined;
  }

  /** A Yes from Teams waiting for this operator, user and step: the confirmation says so instead of asking. */
  private async confirmedInTeams(click: StepClick, targetId: string): Promise<Pick<StepChoices, 'confirmedInTeams'>> {
    const answered = await this.deps.teamsConfirmations?.forStep(click.actor.aadObjectId, targetId, click.step);
    if (answered?.kind !== 'confirmed' || !answered.confirmation.answer) return {};
    return { confirmedInTeams: { name: answered.confirmation.answer.by.name, at: answered.confirmation.answer.at, method: answered.confirmation.method } };
  }

  private async record(click: StepClick, offer: CardOffer, outcome: AuditOutcome, inTeams?: Pick<AuditRecord, 'answeredInTeams'>): Promise<void> {
    const { actor, place, step, cardId } = click;
    // From the operator check just made, if it got an answer: auditing makes no Graph call of its own.
    const upn = this.deps.operators.known(actor.aadObjectId)?.userPrincipalName;
    const record: AuditRecord = {
      at: this.now().toISOString(),
      actionId: `${cardId}/${step.itemId ? `${step.id}:${step.itemId}` : step.id}`,
      actor: {
        aadObjectId: actor.aadObjectId,
        ...(actor.name ? { name: actor.name } : {}),
        ...(upn ? { userPrincipalName: upn } : {}),
      },
      place,
      target: { id: offer.target.id, userPrincipalName: offer.target.userPrincipalName, displayName: offer.target.displayName },
      step: step.id,
      ...(step.itemId ? { itemId: step.itemId } : {}),
      // How the operator verified the requester: the record a reviewer needs after an impostor call.
      ...(click.answers?.verifiedBy ? { verifiedBy: click.answers.verifiedBy } : {}),
      // Who said Yes in Teams, and when: the proof behind "confirmed in Teams".
      ...(inTeams ?? {}),
      outcome,
    };
    await this.deps.audit.append(record);
  }
}

/**
 * What a step made of others runs: the securing steps still open now that the card also offered (the
 * operator confirms what it lists; a rule created since is for a new check to show).
 */
function partsToRun(diagnosis: Diagnosis, offer: CardOffer): ReturnType<typeof securingParts> {
  return securingParts(diagnosis).filter(({ step }) => offer.diagnosis.stillOpen.some((offered) => sameStep(offered, step)));
}

function answeredInTeams(confirmation: TeamsConfirmation | undefined): Pick<AuditRecord, 'answeredInTeams'> | undefined {
  const answer = confirmation?.answer;
  return answer ? { answeredInTeams: { aadObjectId: answer.by.aadObjectId, name: answer.by.name, at: answer.at, answer: 'yes' } } : undefined;
}

/** When a claim lets go: the step may be done again on that user from then. */
function heldUntil(claim: HeldClaim): string {
  return new Date(Date.parse(claim.at) + claim.holdMs).toISOString();
}
