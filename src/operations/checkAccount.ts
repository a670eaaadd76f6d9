/**
 * Checking an account: find the person someone means, read everything relevant (one `$batch` plus
 * the Exchange check; by exact address the lookup rides in that `$batch` too), diagnose it, and keep what the card will offer on the server side, so a click
 * acts only on what was shown. Operators only; `policy.ts` says so.
 */
import type { UnavailableCause, UserSummary } from '../domain/account';
import type { Actor, Place } from '../domain/actor';
import type { AuditRecord } from '../domain/audit';
import type { Diagnosis } from '../domain/diagnosis';
import { diagnose, type DiagnosisOptions } from '../diagnosis/diagnose';
import { mayCheckAccounts, type Refusal } from './policy';
import type { ActionClaims, AuditLog, AuditPage, AuditPageRequest, CardOffer, ChoiceStore, DirectoryService, FindUsersResult, OfferStore, OperatorDirectory, ReadAccountStateResult, UserChoice } from './ports';

/** A diagnosis ready to show: the card id its buttons will carry. */
export interface OfferedCheck {
  readonly kind: 'checked';
  readonly target: UserSummary;
  readonly diagnosis: Diagnosis;
  readonly checkedAt: string;
  readonly cardId: string;
}

export type AccountCheck =
  | OfferedCheck
  | { readonly kind: 'userNotFound' }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string };

type NotAllowed = Extract<Refusal, { kind: 'notOperator' | 'unavailable' }>;

/** What a typed query came to: checked at once, someone to choose or ask again about, or not theirs to ask. */
export type FindAndCheck =
  | { readonly kind: 'checked'; readonly check: AccountCheck }
  | { readonly kind: 'found'; readonly found: FindUsersResult }
  | { readonly kind: 'notAllowed'; readonly refusal: NotAllowed };

export interface AccountChecksDependencies {
  /** The tenant's settings that the diagnosis applies (who is out of reach). */
  readonly diagnosis: DiagnosisOptions;
  readonly directory: DirectoryService;
  readonly operators: OperatorDirectory;
  readonly offers: OfferStore;
  readonly choices: ChoiceStore;
  readonly claims: ActionClaims;
  readonly audit: AuditLog;
}

export class AccountChecks {
  constructor(private readonly deps: AccountChecksDependencies) {}

  /** May this person check accounts (and see their history)? Undefined when they may. */
  async refusalFor(actor: Actor | undefined): Promise<NotAllowed | undefined> {
    return actor ? mayCheckAccounts(await this.deps.operators.check(actor.aadObjectId)) : { kind: 'notOperator' };
  }

  findUsers(query: string): Promise<FindUsersResult> {
    return this.deps.directory.findUsers(query);
  }

  /**
   * Finds the person a query names and, when it names exactly one, checks their account: for an exact
   * address in one round trip (the lookup and the reads in one `$batch`, with Exchange in parallel).
   * When this actor's operator status is not cached, it is asked in that same `$batch`; the account
   * read for someone who turns out not to be an operator is dropped unseen, and their answer is
   * cached like any other, so it costs Graph one read per cache period at most.
   */
  async findAndCheck(actor: Actor | undefined, place: Place, query: string): Promise<FindAndCheck> {
    if (!actor) {
      return { kind: 'notAllowed', refusal: { kind: 'notOperator' } };
    }
    const known = this.deps.operators.known(actor.aadObjectId);
    const refusedBefore = known ? mayCheckAccounts(known) : undefined;
    if (refusedBefore) {
      return { kind: 'notAllowed', refusal: refusedBefore };
    }
    const result = await this.deps.directory.findAndRead(query, known ? undefined : actor.aadObjectId);
    if (!known) {
      // A refused query asks nothing of Graph, so the operator check may still be to do.
      const refusal = mayCheckAccounts(result.operator ?? (await this.deps.operators.check(actor.aadObjectId)));
      if (refusal) {
        return { kind: 'notAllowed', refusal };
      }
    }
    const { found } = result;
    const user = found.kind === 'found' && found.users.length === 1 && !found.approximate ? found.users[0] : undefined;
    if (!user) {
      return { kind: 'found', found };
    }
    const read = result.read ?? (await this.deps.directory.readAccountState(user));
    return { kind: 'checked', check: await this.checked(place, user, read) };
  }

  /** Keeps a choice card's candidates server side; the card's buttons carry only the id and an index. */
  rememberChoice(choice: UserChoice): Promise<string> {
    return this.deps.choices.add(choice);
  }

  /** The person clicked on a choice card, and the step the request behind it asked for, if any. */
  async chosen(choiceId: string, index: number): Promise<{ readonly user: UserSummary; readonly highlight?: string } | undefined> {
    const choice = await this.deps.choices.get(choiceId);
    const user = choice?.candidates[index];
    return user ? { user, ...(choice.highlight ? { highlight: choice.highlight } : {}) } : undefined;
  }

  /** Reads the account (one `$batch` + the Exchange check), diagnoses it, and records the offer. */
  async check(place: Place, target: UserSummary): Promise<AccountCheck> {
    return this.checked(place, target, await this.deps.directory.readAccountState(target));
  }

  private async checked(place: Place, target: UserSummary, read: ReadAccountStateResult): Promise<AccountCheck> {
    if (read.kind !== 'ok') {
      return read.kind === 'userNotFound' ? read : { kind: 'unavailable', cause: read.cause, ...(read.requestId ? { requestId: read.requestId } : {}) };
    }
    const diagnosis = diagnose(read.state, this.deps.diagnosis);
    return this.offer(place, target, diagnosis, read.state.checkedAt);
  }

  /**
   * Keeps what a findings card offers and readies the target's record that clicks will claim steps
   * on; answers what the card needs.
   */
  async offer(place: Place, target: UserSummary, diagnosis: Diagnosis, checkedAt: string): Promise<OfferedCheck> {
    await this.deps.claims.prepare(target.id);
    const cardId = await this.deps.offers.add({ target, diagnosis, checkedAt, conversationId: place.conversationId });
    return { kind: 'checked', target, diagnosis, checkedAt, cardId };
  }

  /** What a findings card offered, by the id its buttons carry; undefined when it is gone or never was. */
  offered(cardId: string): Promise<CardOffer | undefined> {
    return this.deps.offers.get(cardId);
  }

  /** The latest audit records about a user, newest first; or one page of them, for `history` and "more". */
  history(targetId: string, limit: number): Promise<readonly AuditRecord[]>;
  history(targetId: string, page: AuditPageRequest): Promise<AuditPage>;
  history(targetId: string, request: number | AuditPageRequest): Promise<readonly AuditRecord[] | AuditPage> {
    return typeof request === 'number' ? this.deps.audit.forTarget(targetId, request) : this.deps.audit.forTarget(targetId, request);
  }
}
