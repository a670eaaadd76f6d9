/**
 * Running a remediation step safely. At every click: the person who clicked is authorised at that
 * moment, the card must be fresh, the target is read again, and the step runs only if a fresh
 * diagnosis still offers it (so a privileged target, an account already fixed, or a step the card
 * never offered changes nothing). The step is claimed on the card's server-side record with an
 * ETag, so it runs at most once however often and by whomever it is clicked. One write, then a
 * fresh read to show the new truth. Every attempt and refusal is audited.
 */
import type { AccountState, UnavailableCause, UserSummary } from '../directory/accountState';
import type { DirectoryService } from '../directory/directoryService';
import { diagnose } from '../diagnosis/diagnose';
import type { Diagnosis, RemediationStep } from '../diagnosis/types';
import type { OperatorDirectory } from '../access/operatorDirectory';
import type { AuditLog, AuditOutcome, AuditPlace, AuditRecord } from '../audit/auditLog';
import type { CardOffer, OfferStore } from '../storage/cardRecords';
import { REMEDIATIONS } from './catalogue';
import type { RemediationGateway, WriteFailureCause } from './remediationGateway';
import type { Secret } from './secret';
import { CHANGES_ACCOUNT } from './steps';

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
  readonly audit: AuditLog;
  readonly generatePassword: () => string;
  /** A card older than this asks for a fresh check instead of acting. */
  readonly cardMaxAgeMinutes: number;
  readonly now?: () => Date;
}

export class RemediationService {
  private readonly now: () => Date;

  constructor(private readonly deps: RemediationServiceDependencies) {
    this.now = deps.now ?? (() => new Date());
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
    await this.record(request, { kind: 'attempted' });
    const { outcome, temporaryPassword } = await definition.execute({
      gateway: this.deps.gateway,
      target: authorisation.target,
      step: request.step,
      generatePassword: this.deps.generatePassword,
    });
    if (outcome.kind === 'failed') {
      await this.release(request);
      await this.record(request, outcome);
      return outcome;
    }
    await this.record(request, { kind: 'succeeded', ...(outcome.requestId ? { requestId: outcome.requestId } : {}) });
    const after = await this.deps.directory.readAccountState(authorisation.target);
    return {
      kind: 'done',
      target: authorisation.target,
      diagnosis: after.kind === 'ok' ? diagnose(after.state) : undefined,
      ...(temporaryPassword ? { temporaryPassword } : {}),
      ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
    };
  }

  private async authorise({ actor, offer, step }: RemediationRequest): Promise<Authorisation> {
    if (!offer.diagnosis.steps.some((offered) => sameStep(offered, step))) {
      return { kind: 'notOffered' };
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
    if (read.state.roles.kind === 'unavailable' && CHANGES_ACCOUNT[step.id]) {
      return { kind: 'rolesUnknown' };
    }
    if (!diagnosis.steps.some((offered) => sameStep(offered, step))) {
      const doneBy = await this.lastDone(offer.target.id, step);
      return { kind: 'notNeeded', diagnosis, ...(doneBy ? { doneBy } : {}) };
    }
    return { kind: 'allowed', target: offer.target, state: read.state, diagnosis };
  }

  private async claim(request: RemediationRequest): Promise<{ kind: 'claimed' } | Refusal> {
    const key = stepKey(request.step);
    let existing: PriorAction | undefined;
    const result = await this.deps.offers.update(request.cardId, (offer) => {
      const claim = offer.claims?.[key];
      if (claim) {
        existing = { name: claim.name, at: claim.at };
        return undefined;
      }
      const at = this.now().toISOString();
      return { ...offer, claims: { ...offer.claims, [key]: { by: request.actor.aadObjectId, name: request.actor.name ?? '', at } } };
    });
    if (result.kind === 'updated') {
      return { kind: 'claimed' };
    }
    return result.kind === 'missing' || !existing ? { kind: 'notOffered' } : { kind: 'alreadyClaimed', by: existing };
  }

  /** A failed write gives the step back, so the operator can try again from the same card. */
  private async release(request: RemediationRequest): Promise<void> {
    const key = stepKey(request.step);
    await this.deps.offers.update(request.cardId, (offer) => {
      if (!offer.claims?.[key]) {
        return undefined;
      }
      const { [key]: _released, ...claims } = offer.claims;
      return { ...offer, claims };
    });
  }

  private async lastDone(targetId: string, step: RemediationStep): Promise<PriorAction | undefined> {
    const records = await this.deps.audit.forTarget(targetId, 50);
    const done = records.find((record) => record.step === step.id && record.outcome.kind === 'succeeded');
    return done ? { name: done.actor.name ?? done.actor.aadObjectId, at: done.at } : undefined;
  }

  private async record(request: RemediationRequest, outcome: AuditOutcome): Promise<void> {
    const { actor, place, offer, step, cardId } = request;
    // Answered from the operator check's cache: no Graph call of its own.
    const access = await this.deps.operators.check(actor.aadObjectId);
    const upn = access.kind === 'unavailable' ? undefined : access.userPrincipalName;
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
