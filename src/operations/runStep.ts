/**
 * Running a remediation step safely. At every click: the person who clicked is authorised at that
 * moment, the card must be fresh, the target is read again, and the step runs only if a fresh
 * diagnosis still offers it (so a privileged target, an account already fixed, or a step the card
 * never offered changes nothing). The step is claimed on the card's server-side record with an
 * ETag, so it runs at most once however often and by whomever it is clicked. One write, then a
 * fresh read to show the new truth. Every attempt and refusal is audited.
 */
import type { AccountState, UnavailableCause, UserSummary } from '../domain/account';
import type { DirectoryService } from '../adapters/graph/directoryService';
import { diagnose } from '../diagnosis/diagnose';
import type { Diagnosis, RemediationStep } from '../domain/diagnosis';
import type { OperatorDirectory } from '../adapters/graph/operatorDirectory';
import type { AuditLog, AuditOutcome, AuditPlace, AuditRecord } from '../domain/audit';
import type { CardOffer, OfferStore } from '../adapters/storage/cardRecords';
import type { ActionClaims } from '../adapters/storage/actionClaims';
import { REMEDIATIONS, type ExecutionResult } from '../steps/execution';
import type { RemediationGateway, WriteFailureCause } from '../adapters/graph/accountWrites';
import type { Secret } from '../domain/secret';
import { CHANGES_ACCOUNT } from '../steps/registry';

export interface Actor {
  readonly aadObjectId: string;
  readonly name?: string;
}

export interface RemediationRequest {
  readonly actor: Actor;
  readonly place: AuditPlace;
  readonly cardId: string;
  readonly offer: CardOffer;
  readonly step: RemediationStep;
}

/** Someone's earlier action, as the audit trail tells it. */
export interface PriorAction {
  readonly name: string;
  readonly at: string;
}

/** Why a step does not run; every one of these changes nothing in the tenant. */
export type Refusal =
  | { readonly kind: 'notOperator' }
  | { readonly kind: 'notPersonalChat' }
  | { readonly kind: 'notOffered' }
  | { readonly kind: 'staleCard'; readonly ageMinutes: number }
  | { readonly kind: 'alreadyClaimed'; readonly by: PriorAction }
  | { readonly kind: 'privilegedTarget'; readonly roles: readonly string[] }
  | { readonly kind: 'rolesUnknown' }
  | { readonly kind: 'notNeeded'; readonly diagnosis: Diagnosis; readonly doneBy?: PriorAction }
  | { readonly kind: 'userNotFound' }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string };

export type Authorisation =
  | { readonly kind: 'allowed'; readonly target: UserSummary; readonly state: AccountState; readonly diagnosis: Diagnosis }
  | Refusal;

export type RemediationResult =
  | {
      readonly kind: 'done';
      readonly target: UserSummary;
      /** The account after the change, read again. */
      readonly diagnosis: Diagnosis | undefined;
      readonly temporaryPassword?: Secret;
      readonly requestId?: string;
    }
  | {
      readonly kind: 'failed';
      readonly cause: WriteFailureCause;
      readonly code?: string;
      readonly requestId?: string;
    }
  | Refusal;

export interface RemediationServiceDependencies {
  readonly directory: DirectoryService;
  readonly gateway: RemediationGateway;
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
}

/** Steps whose result is a secret: only in a personal chat, where only the operator sees it. */
const PERSONAL_CHAT_ONLY: ReadonlySet<RemediationStep['id']> = new Set(['resetPassword']);

export class RemediationService {
  private readonly now: () => Date;

  constructor(private readonly deps: RemediationServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Keeps what a findings card offers, server side, and readies the target's record that clicks will
   * claim steps on. Answers the card id.
   */
  async recordOffer(offer: CardOffer): Promise<string> {
    await this.deps.claims.prepare(offer.target.id);
    return this.deps.offers.add(offer);
  }

  /** The first click on a step: may it go on to confirmation? A refusal is audited. */
  async prepare(request: RemediationRequest): Promise<Authorisation> {
    const authorisation = await this.authorise(request);
    if (authorisation.kind !== 'allowed') {
      await this.record(request, { kind: 'refused', reason: authorisation.kind });
    }
    return authorisation;
  }

  /** The confirming click: authorise again, claim the step, make the one change, read the result. */
  async execute(request: RemediationRequest): Promise<RemediationResult> {
    const authorisation = await this.authorise(request);
    if (authorisation.kind !== 'allowed') {
      await this.record(request, { kind: 'refused', reason: authorisation.kind });
      return authorisation;
    }
    const definition = REMEDIATIONS[request.step.id];
    if (!definition.execute) {
      return { kind: 'notOffered' };
    }
    const claim = await this.claim(request);
    if (claim.kind !== 'claimed') {
      await this.record(request, { kind: 'refused', reason: claim.kind });
      return claim;
    }
    const { target } = authorisation;
    const step = claimKey(request.step);
    let result: ExecutionResult;
    try {
      await this.record(request, { kind: 'attempted' });
      result = await definition.execute({
        gateway: this.deps.gateway,
        target,
        step: request.step,
        generatePassword: this.deps.generatePassword,
      });
    } catch (error) {
      // Nothing was sent, or the call threw before an answer: give the step back, keep the error.
      await this.afterWrite(() => this.deps.claims.settle(target.id, step, request.actor.aadObjectId, 'failed', this.now()));
      throw error;
    }
    const { outcome, temporaryPassword } = result;
    if (outcome.kind === 'failed') {
      // Without an answer the change may have been made: the claim stays until it runs out, so nobody
      // repeats it blindly, and the operator is asked to check the account again.
      if (outcome.cause !== 'noAnswer') {
        await this.afterWrite(() => this.deps.claims.settle(target.id, step, request.actor.aadObjectId, 'failed', this.now()));
      }
      await this.afterWrite(() => this.record(request, outcome));
      return outcome;
    }
    // The change is made: from here on nothing may keep the operator from seeing the result (and a
    // temporary password that now is the user's only password), so each follow-up is best effort.
    await this.afterWrite(() => this.deps.claims.settle(target.id, step, request.actor.aadObjectId, 'done', this.now()));
    await this.afterWrite(() => this.record(request, { kind: 'succeeded', ...(outcome.requestId ? { requestId: outcome.requestId } : {}) }));
    const after = await this.afterWrite(() => this.deps.directory.readAccountState(target));
    return {
      kind: 'done',
      target,
      diagnosis: after?.kind === 'ok' ? diagnose(after.state) : undefined,
      ...(temporaryPassword ? { temporaryPassword } : {}),
      ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
    };
  }

  private async afterWrite<T>(run: () => Promise<T>): Promise<T | undefined> {
    try {
      return await run();
    } catch (error) {
      this.deps.onAfterWriteError?.(error);
      return undefined;
    }
  }

  private async authorise({ actor, offer, step, place }: RemediationRequest): Promise<Authorisation> {
    if (!offer.diagnosis.steps.some((offered) => sameStep(offered, step))) {
      return { kind: 'notOffered' };
    }
    if (PERSONAL_CHAT_ONLY.has(step.id) && place.conversationType !== 'personal') {
      return { kind: 'notPersonalChat' };
    }
    const access = await this.deps.operators.check(actor.aadObjectId);
    if (access.kind === 'notOperator') {
      return { kind: 'notOperator' };
    }
    if (access.kind === 'unavailable') {
      return access;
    }
    const ageMinutes = Math.floor((this.now().getTime() - Date.parse(offer.checkedAt)) / 60_000);
    if (CHANGES_ACCOUNT[step.id] && ageMinutes >= this.deps.cardMaxAgeMinutes) {
      return { kind: 'staleCard', ageMinutes };
    }
    const read = await this.deps.directory.readAccountState(offer.target);
    if (read.kind === 'userNotFound') {
      return read;
    }
    if (read.kind === 'unavailable') {
      return { kind: 'unavailable', cause: read.cause, ...(read.requestId ? { requestId: read.requestId } : {}) };
    }
    const diagnosis = diagnose(read.state);
    if (diagnosis.privileged) {
      const privileged = diagnosis.findings.find((finding) => finding.kind === 'privilegedTarget');
      return { kind: 'privilegedTarget', roles: privileged?.kind === 'privilegedTarget' ? privileged.roles : [] };
    }
    if (diagnosis.rolesUnknown && CHANGES_ACCOUNT[step.id]) {
      return { kind: 'rolesUnknown' };
    }
    if (!diagnosis.steps.some((offered) => sameStep(offered, step))) {
      const doneBy = await this.lastDone(offer.target.id, step);
      return { kind: 'notNeeded', diagnosis, ...(doneBy ? { doneBy } : {}) };
    }
    return { kind: 'allowed', target: offer.target, state: read.state, diagnosis };
  }

  private async claim(request: RemediationRequest): Promise<{ kind: 'claimed' } | Refusal> {
    const { actor, offer } = request;
    const claim = await this.deps.claims.claim(
      offer.target.id,
      claimKey(request.step),
      { by: actor.aadObjectId, name: actor.name ?? actor.aadObjectId },
      this.now(),
    );
    if (claim.kind === 'missing') {
      return { kind: 'notOffered' };
    }
    return claim.kind === 'claimed' ? claim : { kind: 'alreadyClaimed', by: { name: claim.claim.name, at: claim.claim.at } };
  }

  private async lastDone(targetId: string, step: RemediationStep): Promise<PriorAction | undefined> {
    const records = await this.deps.audit.forTarget(targetId, 50);
    const done = records.find((record) => record.step === step.id && record.outcome.kind === 'succeeded');
    return done ? { name: done.actor.name ?? done.actor.aadObjectId, at: done.at } : undefined;
  }

  private async record(request: RemediationRequest, outcome: AuditOutcome): Promise<void> {
    const { actor, place, offer, step, cardId } = request;
    // From the operator check just made, if it got an answer: auditing makes no Graph call of its own.
    const upn = this.deps.operators.known(actor.aadObjectId)?.userPrincipalName;
    const record: AuditRecord = {
      at: this.now().toISOString(),
      actionId: `${cardId}/${stepKey(step)}`,
      actor: {
        aadObjectId: actor.aadObjectId,
        ...(actor.name ? { name: actor.name } : {}),
        ...(upn ? { userPrincipalName: upn } : {}),
      },
      place,
      target: { id: offer.target.id, userPrincipalName: offer.target.userPrincipalName, displayName: offer.target.displayName },
      step: step.id,
      ...(step.ruleId ? { ruleId: step.ruleId } : {}),
      outcome,
    };
    await this.deps.audit.append(record);
  }
}

export function sameStep(a: RemediationStep, b: RemediationStep): boolean {
  return a.id === b.id && (a.ruleId ?? '') === (b.ruleId ?? '');
}

function stepKey(step: RemediationStep): string {
  return step.ruleId ? `${step.id}:${step.ruleId}` : step.id;
}

/**
 * Steps that change the same thing share a claim: dismissing and confirming risk are two answers to
 * one question, and two operators must not give both.
 */
function claimKey(step: RemediationStep): string {
  return step.id === 'dismissRisk' || step.id === 'confirmCompromised' ? 'risk' : stepKey(step);
}
