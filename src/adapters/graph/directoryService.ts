/**
 * The directory: finding the user someone means, and reading everything a diagnosis needs about
 * them in one Graph `$batch` plus the Exchange restricted-sender check, in parallel.
 */
import type { AccountState, Checked, UnavailableCause, UserAccount, UserSummary } from '../../domain/account';
import type { GraphGateway, GraphResponse } from './graphGateway';
import { isSuccess, unavailable, type CheckRequirements } from './unavailable';
import type { RestrictedSenderService } from '../exchange/restrictedSenders';
import { findUsersRequest, isPlainAddress, parseUserQuery, similarUsersRequest, type GraphQuery, type UserQuery } from './userQuery';
import { rankSimilar } from './similarNames';
import type { DirectoryService, FindUsersResult, FoundAndRead, OperatorCheck, ReadAccountStateResult } from '../../operations/ports';
import {
  accountStateBatch,
  accountStateByAddressBatch,
  eligibilityOfPrincipalPath,
  PART_REQUIREMENTS,
  type AccountStatePart,
  type ProtectedGroups,
} from './accountStateBatch';
import type { BatchItem } from './batch';
import { VERIFIER_REQUIREMENTS, type VerifierPart } from '../../domain/checkRequirements';
import { EligibilityRoster } from './eligibilityRoster';
import type { GraphOperatorDirectory } from './operatorDirectory';
import {
  eligibilityRosterFrom,
  eligibleRolesFrom,
  inboxRulesFrom,
  LimitedInformationError,
  MalformedAnswerError,
  managerFrom,
  sameDisplayNameFrom,
  registrationFrom,
  registrationOfFrom,
  rolesFrom,
  signInActivityFrom,
  signInActivityOfFrom,
  protectionFrom,
  signInMethodsFrom,
  signInsFrom,
  userAccountFrom,
  userAccountListFrom,
  userListFrom,
  userRiskFrom,
  userRiskOfFrom,
} from './graphMapping';

export interface DirectoryOptions {
  /** Lets the operator check ride in the same `$batch` as a lookup (`findAndRead`). */
  readonly operators?: GraphOperatorDirectory;
  readonly eligibilityRoster?: EligibilityRoster;
}

type Lookup<U extends UserSummary> =
  | { readonly kind: 'found'; readonly users: readonly U[]; readonly more: boolean }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string };

/** Reads one part of the account from the batch's answers. */
type PartReader = <T>(name: AccountStatePart, read: (body: unknown) => T, absentWhen404?: T) => Checked<T>;

export class GraphDirectoryService implements DirectoryService {
  constructor(
    private readonly graph: GraphGateway,
    private readonly restrictedSenders: RestrictedSenderService,
    private readonly groups: ProtectedGroups,
    private readonly now: () => Date = () => new Date(),
    private readonly options: DirectoryOptions = {},
  ) {
    this.roster = options.eligibilityRoster ?? new EligibilityRoster(() => this.now().getTime());
  }

  private readonly roster: EligibilityRoster;

  /**
   * One request; a second only when the first found nobody: a fuzzier look whose candidates are ranked
   * by how close they are to what was typed and answered as `approximate` ("Did you mean …"), or as
   * found when they differ only by diacritics or Latvian case endings. If the second look fails, the
   * answer is the first one: nobody matched.
   */
  async findUsers(text: string): Promise<FindUsersResult> {
    const parsed = parseUserQuery(text);
    if (parsed.kind === 'refused') {
      return parsed;
    }
    return this.lookFurther(parsed.query, await this.search(findUsersRequest(parsed.query)), undefined);
  }

  /**
   * An exact address Graph takes as a key is found and read in one `$batch` (`readByAddress`); a name
   * is searched as `findUsers` does, in a `$batch` with the operator check when one is asked for.
   * Anything the one round trip could not settle is left to the caller (`read` absent).
   */
  async findAndRead(text: string, operatorId?: string): Promise<FoundAndRead> {
    const parsed = parseUserQuery(text);
    if (parsed.kind === 'refused') {
      return { found: parsed };
    }
    const operatorItems = operatorId !== undefined && this.options.operators ? this.options.operators.batchItems(operatorId) : [];
    const asking = operatorItems.length > 0 && operatorId !== undefined ? operatorId : undefined;
    if (parsed.query.kind === 'address' && isPlainAddress(parsed.query.address)) {
      return this.readByAddress(parsed.query, operatorItems, asking);
    }
    const request = findUsersRequest(parsed.query);
    if (asking === undefined) {
      return { found: await this.findUsers(text) };
    }
    const answers = await this.graph.batch([{ id: 'users', url: request.path, headers: request.headers }, ...operatorItems]);
    const operator = this.operatorFrom(asking, answers);
    const found = foundFrom(answers.get('users'), userListFrom);
    return { found: await this.lookFurther(parsed.query, found, operator), operator };
  }

  /**
   * When the first look found nobody: a fuzzier look whose candidates are ranked by how close they are
   * to what was typed and answered as `approximate` ("Did you mean …"), or as found when they differ
   * only by diacritics or Latvian case endings. If the second look fails, the answer is the first one:
   * nobody matched. Not made for someone who is not an operator: the answer is not theirs to see.
   */
  private async lookFurther(query: UserQuery, found: FindUsersResult, operator: OperatorCheck | undefined): Promise<FindUsersResult> {
    const similar = found.kind === 'found' && found.users.length === 0 ? similarUsersRequest(query) : undefined;
    if (!similar || (operator !== undefined && operator.kind !== 'operator')) {
      return found;
    }
    const candidates = await this.search(similar);
    const ranked = candidates.kind === 'found' ? rankSimilar(query, candidates.users) : undefined;
    if (!ranked || ranked.users.length === 0) {
      return found;
    }
    return { kind: 'found', users: ranked.users, more: false, ...(ranked.exact ? {} : { approximate: true }) };
  }

  /**
   * One `$batch` keyed by the address (`accountStateByAddressBatch`) plus the Exchange check, which
   * needs only the address, in parallel. The UPN-keyed answers describe the person found only when
   * their UPN is exactly what was typed: a mail alias, or a UPN typed in other letter case (Graph does
   * not document whether the log and report filters ignore case), is read again by object id.
   */
  private async readByAddress(query: Extract<UserQuery, { kind: 'address' }>, operatorItems: BatchItem[], operatorId: string | undefined): Promise<FoundAndRead> {
    const { address } = query;
    const checkedAt = this.now();
    const readRoster = !this.roster.isFresh();
    const [answers, restrictedSender] = await Promise.all([
      this.graph.batch([...accountStateByAddressBatch(address, checkedAt, this.groups, { eligibilityRoster: readRoster }), ...operatorItems]),
      this.restrictedSenders.find(address),
    ]);
    const operator = operatorId !== undefined ? this.operatorFrom(operatorId, answers) : undefined;
    const withOperator = operator ? { operator } : {};
    const lookup = foundFrom(answers.get('user'), (body) => {
      const { accounts, more } = userAccountListFrom(body);
      return { users: accounts, more };
    });
    const account = lookup.kind === 'found' && lookup.users.length === 1 ? lookup.users[0] : undefined;
    const found = lookup.kind === 'found' ? { ...lookup, users: lookup.users.map(summaryOf) } : lookup;
    if (!account || account.userPrincipalName !== address) {
      return { found: await this.lookFurther(query, found, operator), ...withOperator };
    }
    if (operator !== undefined && operator.kind !== 'operator') {
      // Not theirs to see: the answers are dropped here, unread.
      return { found, ...withOperator };
    }
    const part = partReader(answers);
    const state: AccountState = {
      user: account,
      signInActivity: part('signInActivity', (body) => signInActivityOfFrom(body, account.id)),
      signIns: part('signIns', signInsFrom),
      risk: part('risk', (body) => userRiskOfFrom(body, account.id)),
      registration: part('registration', (body) => registrationOfFrom(body, account.id)),
      roles: part('roles', rolesFrom),
      eligibleRoles: await this.eligibleRolesOf(account.id, readRoster ? answers.get('eligibilityRoster') : undefined),
      inboxRules: inboxRulesPart(answers.get('inboxRules')),
      // Exchange was asked about the address typed; the mailbox may have another.
      restrictedSender: account.mail?.toLowerCase() === address.toLowerCase() ? restrictedSender : await this.readRestrictedSender(account),
      signInMethods: part('signInMethods', signInMethodsFrom),
      protection: part('protection', (body) => protectionFrom(body, this.groups)),
      ...verifierParts(answers),
      checkedAt: checkedAt.toISOString(),
    };
    return { found, read: { kind: 'ok', state }, ...withOperator };
  }

  /**
   * From the roster (read in this round trip when it was stale); a roster Graph answered in pages is
   * not kept, and the user's eligibility is then read by object id, one request more.
   */
  private async eligibleRolesOf(userId: string, rosterAnswer: GraphResponse | undefined): Promise<AccountState['eligibleRoles']> {
    if (rosterAnswer !== undefined) {
      const roster = readPart(rosterAnswer, 'eligibleRoles', eligibilityRosterFrom);
      if (roster.kind === 'unavailable') {
        return roster;
      }
      if (roster.value) {
        this.roster.remember(roster.value);
      }
    }
    const known = this.roster.rolesOf(userId);
    if (known) {
      return { kind: 'ok', value: known };
    }
    return readPart(await this.graph.get(eligibilityOfPrincipalPath(userId)), 'eligibleRoles', eligibleRolesFrom);
  }

  private operatorFrom(operatorId: string, answers: ReadonlyMap<string, GraphResponse>): OperatorCheck | undefined {
    return this.options.operators?.fromBatch(operatorId, answers);
  }

  private async search(request: GraphQuery): Promise<FindUsersResult> {
    return foundFrom(await this.graph.get(request.path, { headers: request.headers }), userListFrom);
  }

  async readAccountState(user: UserSummary): Promise<ReadAccountStateResult> {
    const checkedAt = this.now();
    const [answers, restrictedSender] = await Promise.all([
      this.graph.batch(accountStateBatch(user.id, checkedAt, this.groups, user.displayName)),
      this.readRestrictedSender(user),
    ]);
    const userAnswer = answers.get('user') ?? { status: 0, body: undefined };
    if (userAnswer.status === 404) {
      return { kind: 'userNotFound' };
    }
    const account = readPart(userAnswer, 'user', userAccountFrom);
    if (account.kind === 'unavailable') {
      return account;
    }
    const part = partReader(answers);
    return {
      kind: 'ok',
      state: {
        user: account.value,
        signInActivity: part('signInActivity', signInActivityFrom),
        signIns: part('signIns', signInsFrom),
        // Identity Protection answers 404 for a user it never flagged.
        risk: part('risk', userRiskFrom, null),
        registration: part('registration', registrationFrom, null),
        roles: part('roles', rolesFrom),
        eligibleRoles: part('eligibleRoles', eligibleRolesFrom),
        inboxRules: inboxRulesPart(answers.get('inboxRules')),
        restrictedSender,
        signInMethods: part('signInMethods', signInMethodsFrom),
        protection: part('protection', (body) => protectionFrom(body, this.groups)),
        ...verifierParts(answers),
        checkedAt: checkedAt.toISOString(),
      },
    };
  }

  private async readRestrictedSender(user: UserSummary): Promise<AccountState['restrictedSender']> {
    // Without a mailbox address there is nothing Exchange could have restricted.
    return user.mail ? this.restrictedSenders.find(user.mail) : { kind: 'ok', value: null };
  }
}

/**
 * The parts an operator verifies a caller with. Each may fail alone (the card then says "could not
 * read" for it); a part the batch did not ask for stays absent.
 */
function verifierParts(answers: ReadonlyMap<string, GraphResponse>): Pick<AccountState, 'manager' | 'earlierSignIns' | 'sameDisplayName'> {
  const read = <T>(name: VerifierPart, from: (body: unknown) => T, absentWhen404?: T): { [key: string]: Checked<T> } => {
    const answer = answers.get(name);
    if (answer === undefined) return {};
    if (absentWhen404 !== undefined && answer.status === 404) return { [name]: { kind: 'ok', value: absentWhen404 } };
    return { [name]: readAnswer(answer, VERIFIER_REQUIREMENTS[name], from) };
  };
  return {
    // Graph answers 404 Request_ResourceNotFound for a user without a manager.
    ...read('manager', managerFrom, null),
    ...read('earlierSignIns', signInsFrom),
    ...read('sameDisplayName', sameDisplayNameFrom),
  };
}

function partReader(answers: ReadonlyMap<string, GraphResponse>): PartReader {
  return <T>(name: AccountStatePart, read: (body: unknown) => T, absentWhen404?: T): Checked<T> => {
    const answer = answers.get(name) ?? { status: 0, body: undefined };
    return absentWhen404 !== undefined && answer.status === 404 ? { kind: 'ok', value: absentWhen404 } : readPart(answer, name, read);
  };
}

/** A lookup's answer (a whole response or a `$batch` item) as `findUsers` answers it. */
function foundFrom<U extends UserSummary>(answer: GraphResponse | undefined, read: (body: unknown) => { users: U[]; more: boolean }): Lookup<U> {
  const response = answer ?? { status: 0, body: undefined };
  if (!isSuccess(response)) {
    return withRequestId({ kind: 'unavailable', cause: unavailable(response).cause }, response);
  }
  try {
    return { kind: 'found', ...read(response.body) };
  } catch (error) {
    if (error instanceof MalformedAnswerError) {
      return withRequestId({ kind: 'unavailable', cause: 'outage' }, response);
    }
    throw error;
  }
}

function summaryOf(user: UserAccount): UserSummary {
  return {
    id: user.id,
    userPrincipalName: user.userPrincipalName,
    displayName: user.displayName,
    ...(user.mail ? { mail: user.mail } : {}),
  };
}

/**
 * A user without an Exchange Online mailbox answers 404 `MailboxNotEnabledForRESTAPI`, or
 * `ResourceNotFound` while an unlicensed or new mailbox is not set up: no rules to check.
 * https://github.com/microsoftgraph/microsoft-graph-docs-contrib/issues/7160
 */
const NO_MAILBOX_CODES = new Set(['MailboxNotEnabledForRESTAPI', 'ResourceNotFound']);

function inboxRulesPart(answer: GraphResponse | undefined): AccountState['inboxRules'] {
  const response = answer ?? { status: 0, body: undefined };
  const code = (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  if (response.status === 404 && typeof code === 'string' && NO_MAILBOX_CODES.has(code)) {
    return { kind: 'ok', value: null };
  }
  return readPart(response, 'inboxRules', inboxRulesFrom);
}

function readPart<T>(answer: GraphResponse, name: AccountStatePart, read: (body: unknown) => T): Checked<T> {
  return readAnswer(answer, PART_REQUIREMENTS[name], read);
}

function readAnswer<T>(answer: GraphResponse, requirements: CheckRequirements, read: (body: unknown) => T): Checked<T> {
  if (!isSuccess(answer)) {
    return unavailable(answer, requirements);
  }
  try {
    return { kind: 'ok', value: read(answer.body) };
  } catch (error) {
    const requestId = answer.requestId ? { requestId: answer.requestId } : {};
    if (error instanceof LimitedInformationError) {
      return { kind: 'unavailable', cause: 'permission', needs: requirements.permission, ...requestId };
    }
    if (error instanceof MalformedAnswerError) {
      return { kind: 'unavailable', cause: 'outage', ...requestId };
    }
    throw error;
  }
}

function withRequestId<T extends object>(result: T, answer: GraphResponse): T {
  return answer.requestId ? { ...result, requestId: answer.requestId } : result;
}
