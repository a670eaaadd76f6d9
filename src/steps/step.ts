/**
 * What a remediation step is. Each step is one file in this folder holding everything about it:
 * which findings offer it, whether it changes the account, where it may run, which claim it shares,
 * the permission it needs, its words, and the one call that makes the change. `registry.ts` lists
 * them; nothing else in the code names a step id.
 */
import type { AccountState, UserSummary } from '../domain/account';
import type { AuditRecord } from '../domain/audit';
import type { CallerDoubt } from '../domain/callerVerification';
import type { Diagnosis, Finding, RemediationStep } from '../domain/diagnosis';
import type { WriteOutcome } from '../domain/outcome';
import type { Secret } from '../domain/secret';
import type { KeysTaking } from '../i18n/keys';
import type { Text, TextParam } from '../i18n/text';

/**
 * The tenant as a step sees it: one request that changes something (or reads what a change
 * depends on), its answer already translated into a domain outcome. Built per actor, so a later
 * delegated mode only changes how the token is got. Implemented by `adapters/graph/tenantWrites.ts`.
 */
export interface TenantWrites {
  /** One Graph v1.0 request; an HTTP error is an outcome, never an exception. `body` is the answer's, when done. */
  graph(method: 'GET' | 'PATCH' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<GraphWriteAnswer>;
  /** Exchange Online: removes an address from the restricted entities (`Remove-BlockedSenderAddress`). */
  unblockSender(address: string): Promise<WriteOutcome>;
}

export type GraphWriteAnswer = WriteOutcome & { readonly body?: unknown };

/** What the operator chooses on the confirmation card, within what the tenant allows. */
export interface StepChoices {
  readonly lifetimeMinutes?: { readonly min: number; readonly max: number; readonly default: number };
  /** `required`: the tenant's policy allows only one-time use. */
  readonly usableOnce?: { readonly default: boolean; readonly required: boolean };
  /** The operator must say how the requester was verified. */
  readonly verification?: boolean;
  /** The person asked in Teams said Yes: no choice to make, the confirmation says who and when. */
  readonly confirmedInTeams?: { readonly name: string; readonly at: string; readonly method: TeamsVerificationMethod };
  /**
   * A verification warning that says the caller may not be the user (a sign-in from a new country, a
   * look-alike name, a new or guest account): the confirmation repeats it above the verification choice.
   */
  readonly callerDoubt?: CallerDoubt;
}

/** The operator's answers to `StepChoices`, as the confirming click sends them. */
export interface StepAnswers {
  readonly lifetimeMinutes?: number;
  readonly usableOnce?: boolean;
  readonly verifiedBy?: VerificationMethod;
}

/** Before the confirmation: what to ask, or why the step cannot run for this user (changing nothing). */
export type StepQuestion =
  | { readonly kind: 'ask'; readonly choices: StepChoices }
  | { readonly kind: 'cannot'; readonly reason: Text; readonly details: readonly Text[] }
  | Extract<WriteOutcome, { kind: 'failed' }>;

export interface StepRun {
  readonly tenant: TenantWrites;
  readonly target: UserSummary;
  /** The offered instance: carries the item id for a step about one rule or method. */
  readonly step: RemediationStep;
  readonly generatePassword: () => string;
  /** The operator's choices, for a step that asks; never trusted without checking them again. */
  readonly answers?: StepAnswers;
}

/** The words of a secret's card: what it is, and what to tell the user. */
export interface SecretWords {
  /** `{name}`: the user's display name. */
  readonly heading: KeysTaking<'name'>;
  readonly instructions: KeysTaking<'name'>;
  /** Once the operator has hidden it. `{time}`: when the step may be done again on that user. */
  readonly hiddenHeading: KeysTaking<never>;
  readonly hidden: KeysTaking<'time'>;
  /** Under "done" on the card that follows: where the secret is. */
  readonly done: KeysTaking<never>;
}

/**
 * A step's result: done, failed, refused before any write (`cannot`), or done with a secret that
 * only the operator who asked may see, with facts about it for the card.
 */
export type StepResult =
  | WriteOutcome
  | { readonly kind: 'cannot'; readonly reason: Text; readonly details: readonly Text[] }
  | { readonly kind: 'secret'; readonly secret: Secret; readonly details: readonly Text[]; readonly requestId?: string };

/** What an offered instance adds to the step id: the inbox rule for a rule step, nothing otherwise. */
export type OfferedInstance = Omit<RemediationStep, 'id'>;

interface StepBase<Id extends string> {
  readonly id: Id;
  /** Button title and confirmation heading. */
  readonly title: KeysTaking<never>;
  /** The confirmation question; `{user}` is the target's name, `{item}` the rule's or method's. */
  readonly confirm: KeysTaking<'user' | 'item'>;
  /** Shown under the confirmation question. */
  readonly confirmNotes?: readonly KeysTaking<never>[];
  /** Never highlighted: a plain button under "More actions". */
  readonly secondary?: boolean;
  /**
   * Offered on every account the bot may change, even when no finding calls for it ("she forgot her
   * password"), as a secondary action; the findings still decide what is highlighted.
   */
  readonly onDemand?: boolean;
  /** The instances the findings make worth offering: none, one, or one per item (an inbox rule each). */
  offers(findings: readonly Finding[]): readonly OfferedInstance[];
}

/**
 * What a change does to the account: makes it safe again, gives the user a way back in, or lifts a
 * protection someone (or Microsoft) put on it. On a compromised-looking account securing comes first.
 */
export type StepPurpose = 'secure' | 'restore' | 'lift';

/**
 * How the operator checked that the person asking is who they say (helpdesk impostors ask for exactly
 * these steps). The last two are not the operator's word: Unlock asks the user (or their manager) in a
 * Teams 1:1 chat, and the step runs only after their own Yes (`operations/teamsConfirmations.ts`).
 */
export const VERIFICATION_METHODS = ['calledBack', 'inPerson', 'manager', 'userInTeams', 'managerInTeams'] as const;
export type VerificationMethod = (typeof VERIFICATION_METHODS)[number];

/** The methods Unlock checks itself, by asking in Teams, rather than taking the operator's word. */
export const TEAMS_VERIFICATION_METHODS = ['userInTeams', 'managerInTeams'] as const satisfies readonly VerificationMethod[];
export type TeamsVerificationMethod = (typeof TEAMS_VERIFICATION_METHODS)[number];

export function isTeamsVerification(method: VerificationMethod | undefined): method is TeamsVerificationMethod {
  return method === 'userInTeams' || method === 'managerInTeams';
}

/** At most `max` of one step within `windowMinutes` (a sliding window), counted by who or on whom. */
export interface RateLimit {
  readonly max: number;
  readonly windowMinutes: number;
}

/**
 * How often a step may run: per operator (one account doing many resets is a stolen or abused
 * operator account) and per target (the same person reset again and again is an impostor at work).
 * `name` makes the environment variables `LIMIT_<name>_PER_OPERATOR` / `_PER_TARGET` (`host/config.ts`).
 */
export interface StepLimits {
  readonly name: string;
  readonly perOperator?: RateLimit;
  readonly perTarget?: RateLimit;
}

/** A step that changes the account: a Graph or Exchange write. */
interface WriteStepBase<Id extends string> extends StepBase<Id> {
  readonly kind: 'write';
  readonly purpose: StepPurpose;
  /**
   * The operator must say how the requester was verified before it runs: `always` for steps that hand
   * over access or lift a protection someone asked for, `whenCompromised` for those that are only
   * dangerous on a compromised-looking account. https://www.cisa.gov/news-events/cybersecurity-advisories/aa23-320a
   */
  readonly verification?: 'always' | 'whenCompromised';
  /** Refused on a compromised-looking account while a step marked `requiredBeforeLifting` is still open. */
  readonly liftsAfterSecuring?: boolean;
  /** Must be done after the risky event before a protection is lifted (a new password, sessions revoked). */
  readonly requiredBeforeLifting?: boolean;
  /** Said under "done" instead of the general "a few minutes" when the change takes longer to show. */
  readonly doneNote?: KeysTaking<never>;
  /** Advice for the operator when the change failed, beyond the error itself (another way to do it). */
  failureAdvice?(failure: Extract<WriteOutcome, { kind: 'failed' }>, target: UserSummary): Text | undefined;
  /** Least-privileged Graph application permission (or Exchange role) the write needs, for the README and errors. */
  readonly permission: string;
  /** Mastered in on-premises AD, the account cannot take this change in the cloud. */
  readonly cloudOnly: boolean;
  /** The result is a secret: only in a 1:1 chat, to the operator who clicked. */
  readonly showsSecret: boolean;
  /** How the secret's card names it; only for a step that shows a secret. */
  readonly secret?: SecretWords;
  /** Reads what the confirmation must ask (and whether the step can run at all); no write. */
  ask?(run: Omit<StepRun, 'answers'>): Promise<StepQuestion>;
  /** Steps that change the same thing share a claim (at most once across them); the step id otherwise. */
  readonly claimGroup?: string;
  /** The question asked of the user in Teams before it runs ("… at your request. Was that you?"). */
  readonly askUser?: KeysTaking<never>;
  /** Default limits on how often it runs; none for steps that only secure an account (never held back). */
  readonly limits?: StepLimits;
}

/** A write step that makes its one change itself. */
export interface SingleWriteStep<Id extends string = string> extends WriteStepBase<Id> {
  readonly runs?: undefined;
  execute(run: StepRun): Promise<StepResult>;
}

/**
 * A write step made of other steps: one confirmation for the securing steps a compromised-looking
 * account still needs (`Diagnosis.stillOpen`, read again at the click), each then run as itself by
 * the runner: its own claim, limits and audit record, so nothing about a step is decided twice.
 */
export interface BundledWriteStep<Id extends string = string> extends WriteStepBase<Id> {
  readonly runs: 'openSecuringSteps';
  /** Offered when at least this many securing steps are open; fewer is a click on the step itself. */
  readonly fromOpenSteps: number;
}

export type WriteStep<Id extends string = string> = SingleWriteStep<Id> | BundledWriteStep<Id>;

export interface GuidanceContext {
  readonly target: UserSummary;
  readonly diagnosis: Diagnosis;
  readonly state: AccountState;
  /** A step's name as its button shows it ("Remove rule: Forward all"): only the registry knows them all. */
  readonly stepName: (step: Pick<RemediationStep, 'id' | 'itemName'>) => TextParam;
  /** What Unlock already did to the target, from the audit trail; only for a step with `needsHistory`. */
  readonly history?: GuidanceHistory;
}

/** The target's audit records, newest first, as far as one read goes. */
export type GuidanceHistory =
  | { readonly kind: 'read'; readonly records: readonly AuditRecord[]; /** Older records were left unread. */ readonly more: boolean }
  | { readonly kind: 'unavailable' };

/** Audit records a guidance step is given at most: one bounded read within the click's turn. */
export const GUIDANCE_HISTORY_LIMIT = 100;

/** A step that only explains: a checklist or a summary; it changes nothing. */
export interface GuidanceStep<Id extends string = string> extends StepBase<Id> {
  readonly kind: 'guidance';
  /** Its text tells what was already done to the account: the audit trail is read for it. */
  readonly needsHistory?: boolean;
  guidance(context: GuidanceContext): { readonly heading: Text; readonly paragraphs: readonly Text[] };
}

export type StepDefinition<Id extends string = string> = WriteStep<Id> | GuidanceStep<Id>;

/** Offered once when any finding passes `test`. */
export function offeredWhen(test: (finding: Finding) => boolean): (findings: readonly Finding[]) => readonly OfferedInstance[] {
  return (findings) => (findings.some(test) ? [{}] : []);
}

/** `/users/{id}` with the id escaped for a URL path. */
export function userPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}`;
}

/** A write whose only result is its outcome. */
export function outcomeOnly(answer: GraphWriteAnswer): WriteOutcome {
  return answer.kind === 'done'
    ? { kind: 'done', ...(answer.requestId ? { requestId: answer.requestId } : {}) }
    : { kind: 'failed', cause: answer.cause, ...(answer.code ? { code: answer.code } : {}), ...(answer.requestId ? { requestId: answer.requestId } : {}) };
}
