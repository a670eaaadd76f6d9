/**
 * The directory: finding the user someone means, and reading everything a diagnosis needs about
 * them in one Graph `$batch` plus the Exchange restricted-sender check, in parallel.
 */
import type { AccountState, Checked, UserSummary } from '../../domain/account';
import type { GraphGateway, GraphResponse } from './graphGateway';
import { isSuccess, unavailable, type CheckRequirements } from './unavailable';
import type { RestrictedSenderService } from '../exchange/restrictedSenders';
import { findUsersRequest, parseUserQuery, similarUsersRequest, type GraphQuery } from './userQuery';
import { rankSimilar } from './similarNames';
import type { DirectoryService, FindUsersResult, ReadAccountStateResult } from '../../operations/ports';
import { accountStateBatch, PART_REQUIREMENTS, type AccountStatePart, type ProtectedGroups } from './accountStateBatch';
import {
  eligibleRolesFrom,
  inboxRulesFrom,
  LimitedInformationError,
  MalformedAnswerError,
  registrationFrom,
  rolesFrom,
  signInActivityFrom,
  protectionFrom,
  signInMethodsFrom,
  signInsFrom,
  userAccountFrom,
  userListFrom,
  userRiskFrom,
} from './graphMapping';

export class GraphDirectoryService implements DirectoryService {
  constructor(
    private readonly graph: GraphGateway,
    private readonly restrictedSenders: RestrictedSenderService,
    private readonly groups: ProtectedGroups,
    private readonly now: () => Date = () => new Date(),
  ) {}

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
    const found = await this.search(findUsersRequest(parsed.query));
    const similar = found.kind === 'found' && found.users.length === 0 ? similarUsersRequest(parsed.query) : undefined;
    if (!similar) {
      return found;
    }
    const candidates = await this.search(similar);
    const ranked = candidates.kind === 'found' ? rankSimilar(parsed.query, candidates.users) : undefined;
    if (!ranked || ranked.users.length === 0) {
      return found;
    }
    return { kind: 'found', users: ranked.users, more: false, ...(ranked.exact ? {} : { approximate: true }) };
  }

  private async search(request: GraphQuery): Promise<FindUsersResult> {
    const answer = await this.graph.get(request.path, { headers: request.headers });
    if (!isSuccess(answer)) {
      return withRequestId({ kind: 'unavailable', cause: unavailable(answer).cause }, answer);
    }
    try {
      return { kind: 'found', ...userListFrom(answer.body) };
    } catch (error) {
      if (error instanceof MalformedAnswerError) {
        return withRequestId({ kind: 'unavailable', cause: 'outage' }, answer);
      }
      throw error;
    }
  }

  async readAccountState(user: UserSummary): Promise<ReadAccountStateResult> {
    const checkedAt = this.now();
    const [answers, restrictedSender] = await Promise.all([
      this.graph.batch(accountStateBatch(user.id, checkedAt, this.groups)),
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
    const part = <T>(name: AccountStatePart, read: (body: unknown) => T, absentWhen404?: T): Checked<T> => {
      const answer = answers.get(name) ?? { status: 0, body: undefined };
      return absentWhen404 !== undefined && answer.status === 404
        ? { kind: 'ok', value: absentWhen404 }
        : readPart(answer, name, read);
    };
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
  const requirements: CheckRequirements = PART_REQUIREMENTS[name];
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
