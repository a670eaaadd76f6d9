/**
 * What the operations need from the world, shaped for them: the directory, the operator check,
 * server-side card records, at-most-once claims and the audit trail. The adapters implement these
 * (`src/adapters/`), the composition root passes them in, and tests can pass doubles.
 */
import type { AccountState, UnavailableCause, UserSummary } from '../domain/account';
import type { AuditRecord } from '../domain/audit';
import type { Diagnosis } from '../domain/diagnosis';
import type { HelpRequest, PersonRef, RequestedFor } from '../domain/helpRequest';

/** Why a typed user query was refused before any Graph call. */
export type UserQueryRefusal = 'empty' | 'tooLong' | 'unsupportedCharacters';

export type FindUsersResult =
  | {
      readonly kind: 'found';
      readonly users: readonly UserSummary[];
      readonly more: boolean;
      /** Nobody matched what was typed; these are the closest names, closest first: ask "Did you mean …", never act on one unasked. */
      readonly approximate?: boolean;
    }
  | { readonly kind: 'refused'; readonly reason: UserQueryRefusal }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string };

export type ReadAccountStateResult =
  | { readonly kind: 'ok'; readonly state: AccountState }
  | { readonly kind: 'userNotFound' }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly needs?: string; readonly requestId?: string };

/** Whom a query found and, when the directory could read it in the same round trip, their account. */
export interface FoundAndRead {
  readonly found: FindUsersResult;
  /** The account of the one user found; absent when it was not read with the lookup. */
  readonly read?: ReadAccountStateResult;
  /** Whether the person asking is an operator, when `findAndRead` was asked to find out. */
  readonly operator?: OperatorCheck;
}

export interface DirectoryService {
  /** A UPN, an e-mail address, or part of a display name; at most 10 matches. */
  findUsers(text: string): Promise<FindUsersResult>;
  readAccountState(user: UserSummary): Promise<ReadAccountStateResult>;
  /**
   * `findUsers`, and for an exact address naming one user their account as `readAccountState` reads
   * it, in one round trip. With `operatorId`, whether that person is an operator too, in the same
   * round trip; the similar-names second look is then made only for an operator.
   */
  findAndRead(text: string, operatorId?: string): Promise<FoundAndRead>;
}

export type OperatorCheck =
  | { readonly kind: 'operator'; readonly userPrincipalName?: string }
  | { readonly kind: 'notOperator'; readonly userPrincipalName?: string }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string };

export interface OperatorDirectory {
  check(aadObjectId: string): Promise<OperatorCheck>;
  /** The last answer for this person, if one is still cached; never calls Graph. */
  known(aadObjectId: string): Exclude<OperatorCheck, { kind: 'unavailable' }> | undefined;
}

/** Small records a card refers to by id; the card carries only the id. */
export interface RecordStore<T> {
  /** Saves a new record and answers its id. */
  add(record: T): Promise<string>;
  /** Undefined when the record is gone, has expired, or never was. */
  get(id: string): Promise<T | undefined>;
}

/** What a findings card showed and offered; a button may only act on this target and these steps. */
export interface CardOffer {
  readonly target: UserSummary;
  readonly diagnosis: Diagnosis;
  readonly checkedAt: string;
  /** The conversation the card was shown in. */
  readonly conversationId: string;
}

/** The people a choice card listed, in order; a click names an index into this list. */
export interface UserChoice {
  readonly query: string;
  readonly candidates: readonly UserSummary[];
  /** The step the request asked for ("reset …"), by id, to highlight on the chosen person's card. */
  readonly highlight?: string;
}

export type OfferStore = RecordStore<CardOffer>;
export type ChoiceStore = RecordStore<UserChoice>;

export interface ActionClaim {
  /** The `aadObjectId` of who claimed it. */
  readonly by: string;
  readonly name: string;
  readonly at: string;
  readonly state: 'running' | 'done';
  /** The step that was claimed; several steps may share one claim (dismissing and confirming risk). */
  readonly step?: string;
  /** How long this claim holds, when not the usual two minutes (a used confirmation holds longer). */
  readonly holdMs?: number;
}

/** A claim that holds, with how long: when it lets go is `at` plus `holdMs`. */
export type HeldClaim = ActionClaim & { readonly holdMs: number };

export type ClaimResult =
  | { readonly kind: 'claimed' }
  | { readonly kind: 'taken'; readonly claim: HeldClaim }
  | { readonly kind: 'missing' };

export interface ActionClaims {
  /**
   * Makes sure the user's record exists. Called when a card is shown, long before any click, because
   * botbuilder `Storage` cannot create an item on condition that it is absent; a store that can (Blob
   * Storage's `If-None-Match: *`) has nothing to do here.
   */
  prepare(targetId: string): Promise<void>;
  claim(targetId: string, key: string, claimant: { by: string; name: string; step: string; holdMs?: number }, now: Date): Promise<ClaimResult>;
  /** The claim on this key still holding (running, or done within its hold), without taking it. */
  held(targetId: string, key: string, now: Date): Promise<HeldClaim | undefined>;
  /** After the write: `done` keeps the claim for the hold time, `failed` gives the step back. */
  settle(targetId: string, key: string, by: string, outcome: 'done' | 'failed', now: Date): Promise<void>;
}

/** One page of a user's audit trail: `continuation` from the previous page, absent for the newest. */
export interface AuditPageRequest {
  readonly limit: number;
  readonly continuation?: string;
}

export interface AuditPage {
  /** Newest first. */
  readonly records: readonly AuditRecord[];
  /** Opaque; present when older records may remain. */
  readonly continuation?: string;
}

/** Append-only: the interface can add and read; no code path edits or deletes a record. */
export interface AuditLog {
  append(record: AuditRecord): Promise<void>;
  /** The latest records about a user, newest first. */
  forTarget(targetId: string, limit: number): Promise<readonly AuditRecord[]>;
  /** A page of records about a user, newest first; each page is one bounded read. */
  forTarget(targetId: string, page: AuditPageRequest): Promise<AuditPage>;
}

/**
 * Where to reach a conversation later (a proactive message): Teams' conversation reference, opaque
 * here; only the Teams edge reads it. `conversationId` is the conversation without a thread suffix.
 */
export interface ConversationAddress {
  readonly conversationId: string;
  readonly reference: Readonly<Record<string, unknown>>;
}

/** The channel help requests are posted to, as an operator set it with "use this channel for help requests". */
export interface HelpChannel {
  readonly address: ConversationAddress;
  readonly setBy: PersonRef;
  readonly setAt: string;
  /** The language the channel's cards are written in: that of the operator who set it. */
  readonly locale: string;
}

export interface HelpChannelStore {
  get(): Promise<HelpChannel | undefined>;
  set(channel: HelpChannel): Promise<void>;
}

/** A help request as stored: the request, where its asker is reached, and where its card was posted. */
export interface HelpRequestRecord extends HelpRequest {
  readonly requesterAddress: ConversationAddress;
  /** The asker's language, for the notices sent to them. */
  readonly locale: string;
  readonly posted?: { readonly address: ConversationAddress; readonly activityId: string; readonly locale: string };
}

export type HelpRequestUpdate =
  | { readonly kind: 'updated'; readonly value: HelpRequestRecord }
  | { readonly kind: 'unchanged'; readonly value: HelpRequestRecord }
  | { readonly kind: 'missing' };

export interface HelpRequestStore {
  get(id: string): Promise<HelpRequestRecord | undefined>;
  /** Saves a new request; false when one with this id exists already. */
  create(request: HelpRequestRecord): Promise<boolean>;
  /** Applies `change` only if nobody changed the request meanwhile (reading again when someone did); `undefined` leaves it. */
  update(id: string, change: (current: HelpRequestRecord) => HelpRequestRecord | undefined): Promise<HelpRequestUpdate>;
  /** The latest requests, newest first. */
  recent(limit: number): Promise<readonly HelpRequestRecord[]>;
}

/** What an "Ask the helpdesk" button would raise; the button carries only this record's id. */
export interface HelpDraft {
  readonly requester: PersonRef;
  readonly requestedFor: RequestedFor;
  readonly wrote: string;
  readonly address: ConversationAddress;
  readonly locale: string;
}

export type HelpDraftStore = RecordStore<HelpDraft>;

/** Proactive messages for help requests: the Teams edge implements it (`src/teams/proactive.ts`). */
export interface HelpdeskMessenger {
  /** Posts the request's card to the help channel; answers the posted activity's id. */
  postRequest(channel: HelpChannel, request: HelpRequestRecord): Promise<string | undefined>;
  /** Edits the posted card so that it says where the request stands for everyone in the channel. */
  updateRequest(request: HelpRequestRecord): Promise<void>;
  /** Tells the asker, in the chat they asked in, what changed (taken, resolved). */
  tellRequester(request: HelpRequestRecord): Promise<void>;
  /** Tells the operator a request was assigned to, in their 1:1 chat with the bot (started if need be). */
  tellAssignee(request: HelpRequestRecord): Promise<void>;
  /** Tells the operator who had the request (took it, or was assigned it) that its asker withdrew it, in their 1:1 chat. */
  tellWithdrawn(request: HelpRequestRecord): Promise<void>;
  /** Posts a reminder about a request nobody took to the help channel. */
  remind(channel: HelpChannel, request: HelpRequestRecord): Promise<void>;
}

/** The helpdesk group's members, as the directory lists them (`GET /groups/{id}/members`), for Assign to …. */
export interface HelpdeskMembers {
  list(): Promise<readonly PersonRef[]>;
}

/** One counted write in a limit's window: its own id (to take it back) and when it was made. */
export interface LedgerEntry {
  readonly id: string;
  readonly at: string;
}

export type LedgerResult = { readonly kind: 'recorded' } | { readonly kind: 'refused'; readonly recent: readonly LedgerEntry[] };

/**
 * Counts of recent writes, shared by every instance: `record` adds an entry only when `admit` says the
 * entries still inside the window leave room, and does so atomically (a conditional write), so two
 * instances racing for the last slot cannot both get it. See `adapters/storage/writeLedger.ts`.
 */
export interface WriteLedger {
  record(key: string, entry: LedgerEntry, windowMs: number, admit: (recent: readonly LedgerEntry[]) => boolean, now: Date): Promise<LedgerResult>;
  /** The entries inside the window, oldest first; no write. */
  recent(key: string, windowMs: number, now: Date): Promise<readonly LedgerEntry[]>;
  /** Takes back an entry whose write did not happen. */
  remove(key: string, entryId: string): Promise<void>;
}

/** The channel alerts go to, as an operator set it with "use this channel for alerts"; same shape as the help channel. */
export type AlertChannel = HelpChannel;

export interface AlertChannelStore {
  get(): Promise<AlertChannel | undefined>;
  set(channel: AlertChannel): Promise<void>;
}

/** The language a person chose for Unlock ("language lv"), by their Entra object id: for messages Unlock starts. */
export interface LanguagePreferences {
  /** Their choice, or undefined when they made none (or chose "auto"). */
  languageOf(aadObjectId: string): Promise<string | undefined>;
  remember(aadObjectId: string, language: string | undefined): Promise<void>;
}

/** A person Unlock may ask in Teams: the target user, or their manager. */
export interface AskedPerson {
  readonly id: string;
  readonly displayName: string;
}

export type PersonalChatResult = { readonly kind: 'found'; readonly chatId: string } | { readonly kind: 'unavailable'; readonly why: string };

export type ManagerResult = { readonly kind: 'found'; readonly manager: AskedPerson } | { readonly kind: 'none' } | { readonly kind: 'unavailable' };

/** Reaching a person in their 1:1 chat with Unlock, installing the app for them through Graph when they have not. */
export interface TeamsReach {
  personalChat(userId: string): Promise<PersonalChatResult>;
  manager(userId: string): Promise<ManagerResult>;
}

/**
 * A question Unlock asked a user (or their manager) in Teams before a sensitive step: "was that you?".
 * Kept server-side; the prompt card carries only its id. Pending until answered or expired; a Yes lets
 * the step run for this operator and this target until `grantUntil`, once (`used`).
 */
export interface TeamsConfirmation {
  readonly id: string;
  readonly operator: PersonRef;
  /** Where the operator is told of the answer: the conversation they clicked in. */
  readonly operatorAddress: ConversationAddress;
  /** The operator's language: what they are told of the answer. */
  readonly locale: string;
  /** The asked person's language for the question: their own choice when Unlock knows it, else the operator's. */
  readonly askedLocale?: string;
  /** The findings card the step was offered on, for the operator's Continue. */
  readonly cardId: string;
  readonly step: { readonly id: string; readonly itemId?: string; readonly itemName?: string };
  readonly target: { readonly id: string; readonly displayName: string; readonly userPrincipalName: string };
  readonly method: 'userInTeams' | 'managerInTeams';
  readonly asked: AskedPerson;
  /** The 1:1 chat the question went to (Graph's chat id). */
  readonly chatId: string;
  readonly askedAt: string;
  readonly expiresAt: string;
  readonly state: 'pending' | 'confirmed' | 'denied' | 'used';
  readonly answer?: { readonly by: PersonRef; readonly at: string; readonly conversationId: string };
  readonly grantUntil?: string;
}

export type TeamsConfirmationUpdate =
  | { readonly kind: 'updated'; readonly value: TeamsConfirmation }
  | { readonly kind: 'unchanged'; readonly value: TeamsConfirmation }
  | { readonly kind: 'missing' };

export interface TeamsConfirmationStore {
  get(id: string): Promise<TeamsConfirmation | undefined>;
  create(confirmation: TeamsConfirmation): Promise<void>;
  /** Applies `change` only if nobody changed the record meanwhile; `undefined` leaves it. */
  update(id: string, change: (current: TeamsConfirmation) => TeamsConfirmation | undefined): Promise<TeamsConfirmationUpdate>;
  /** The latest question for an operator, a target and a step (`key`), by id. */
  latest(key: string): Promise<string | undefined>;
  setLatest(key: string, id: string): Promise<void>;
}
