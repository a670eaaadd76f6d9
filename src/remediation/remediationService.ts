/**
 * Running a remediation step safely: the person who clicked is authorised at that moment, the target
 * is read again, and the step runs only if a fresh diagnosis still offers it (so a privileged target,
 * an account already fixed, or a step the card never offered changes nothing). One write, then a
 * fresh read to show the new truth.
 */
import type { AccountState, UnavailableCause, UserSummary } from '../directory/accountState';
import type { DirectoryService } from '../directory/directoryService';
import { diagnose } from '../diagnosis/diagnose';
import type { Diagnosis, RemediationStep } from '../diagnosis/types';
import type { OperatorDirectory } from '../access/operatorDirectory';
import type { CardOffer } from '../storage/cardRecords';
import { REMEDIATIONS } from './catalogue';
import { CHANGES_ACCOUNT } from './steps';
import type { RemediationGateway, WriteFailureCause } from './remediationGateway';
import type { Secret } from './secret';

export interface Actor {
  readonly aadObjectId: string;
  readonly name?: string;
}

export interface RemediationRequest {
  readonly actor: Actor;
  readonly offer: CardOffer;
  readonly step: RemediationStep;
}

/** Why a step does not run; every one of these changes nothing in the tenant. */
export type Refusal =
  | { readonly kind: 'notOperator' }
  | { readonly kind: 'notOffered' }
  | { readonly kind: 'privilegedTarget'; readonly roles: readonly string[] }
  | { readonly kind: 'rolesUnknown' }
  | { readonly kind: 'notNeeded'; readonly diagnosis: Diagnosis }
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
  readonly generatePassword: () => string;
}

export class RemediationService {
  constructor(private readonly deps: RemediationServiceDependencies) {}

  async authorise({ actor, offer, step }: RemediationRequest): Promise<Authorisation> {
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
      return { kind: 'notNeeded', diagnosis };
    }
    return { kind: 'allowed', target: offer.target, state: read.state, diagnosis };
  }

  /** Authorises again (the confirmation may have waited), makes the one change, and reads the result. */
  async execute(request: RemediationRequest): Promise<RemediationResult> {
    const authorisation = await this.authorise(request);
    if (authorisation.kind !== 'allowed') {
      return authorisation;
    }
    const definition = REMEDIATIONS[request.step.id];
    if (!definition.execute) {
      return { kind: 'notOffered' };
    }
    const { outcome, temporaryPassword } = await definition.execute({
      gateway: this.deps.gateway,
      target: authorisation.target,
      step: request.step,
      generatePassword: this.deps.generatePassword,
    });
    if (outcome.kind === 'failed') {
      return outcome;
    }
    const after = await this.deps.directory.readAccountState(authorisation.target);
    return {
      kind: 'done',
      target: authorisation.target,
      diagnosis: after.kind === 'ok' ? diagnose(after.state) : undefined,
      ...(temporaryPassword ? { temporaryPassword } : {}),
      ...(outcome.requestId ? { requestId: outcome.requestId } : {}),
    };
  }
}

export function sameStep(a: RemediationStep, b: RemediationStep): boolean {
  return a.id === b.id && (a.ruleId ?? '') === (b.ruleId ?? '');
}
