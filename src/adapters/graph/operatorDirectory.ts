/**
 * Who is an operator: a member (direct or nested) of the helpdesk group, asked of Graph for the
 * person who acts — the `from.aadObjectId` of the activity — never taken from card data. The same
 * `$batch` reads the person's UPN, which Teams does not send and the audit trail records.
 * Answers are cached briefly so a burst of clicks does not cost a Graph call each, while a removal
 * from the group takes effect within minutes.
 * https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups
 */
import type { BatchItem, GraphGateway, GraphResponse } from './graphGateway';
import { isSuccess, unavailable } from './unavailable';
import type { OperatorCheck, OperatorDirectory } from '../../operations/ports';

export const OPERATOR_CACHE_SECONDS = 120;

export class GraphOperatorDirectory implements OperatorDirectory {
  private readonly cache = new Map<string, { answer: OperatorCheck; until: number }>();

  constructor(
    private readonly graph: GraphGateway,
    private readonly helpdeskGroupId: string,
    private readonly now: () => number = Date.now,
    private readonly cacheSeconds: number = OPERATOR_CACHE_SECONDS,
  ) {}

  async check(aadObjectId: string): Promise<OperatorCheck> {
    const cached = this.cache.get(aadObjectId);
    if (cached && cached.until > this.now()) {
      return cached.answer;
    }
    return this.remember(aadObjectId, await this.ask(aadObjectId));
  }

  known(aadObjectId: string): Exclude<OperatorCheck, { kind: 'unavailable' }> | undefined {
    const cached = this.cache.get(aadObjectId);
    return cached && cached.until > this.now() && cached.answer.kind !== 'unavailable' ? cached.answer : undefined;
  }

  /**
   * The requests that answer `check`, to ride in another `$batch` of the same turn (an operator's first
   * diagnosis by address), with `fromBatch` reading their answers. Item ids start with `operator`.
   */
  batchItems(aadObjectId: string): BatchItem[] {
    const user = `/users/${encodeURIComponent(aadObjectId)}`;
    return [
      { id: GROUPS_ITEM, method: 'POST', url: `${user}/checkMemberGroups`, body: { groupIds: [this.helpdeskGroupId] } },
      { id: USER_ITEM, url: `${user}?$select=id,userPrincipalName` },
    ];
  }

  /** The answer to `batchItems`, remembered as `check` remembers its own. */
  fromBatch(aadObjectId: string, answers: ReadonlyMap<string, GraphResponse>): OperatorCheck {
    return this.remember(aadObjectId, this.answerFrom(answers));
  }

  private async ask(aadObjectId: string): Promise<OperatorCheck> {
    return this.answerFrom(await this.graph.batch(this.batchItems(aadObjectId)));
  }

  private remember(aadObjectId: string, answer: OperatorCheck): OperatorCheck {
    if (answer.kind !== 'unavailable') {
      this.cache.set(aadObjectId, { answer, until: this.now() + this.cacheSeconds * 1000 });
    }
    return answer;
  }

  private answerFrom(answers: ReadonlyMap<string, GraphResponse>): OperatorCheck {
    const groups = answers.get(GROUPS_ITEM) ?? { status: 0, body: undefined };
    const upn = (answers.get(USER_ITEM)?.body as { userPrincipalName?: unknown } | undefined)?.userPrincipalName;
    const identity = typeof upn === 'string' ? { userPrincipalName: upn } : {};
    if (groups.status === 404) {
      return { kind: 'notOperator', ...identity };
    }
    if (!isSuccess(groups)) {
      const { cause, requestId } = unavailable(groups);
      return { kind: 'unavailable', cause, ...(requestId ? { requestId } : {}) };
    }
    const member = (groups.body as { value?: unknown } | undefined)?.value;
    return Array.isArray(member) && member.includes(this.helpdeskGroupId)
      ? { kind: 'operator', ...identity }
      : { kind: 'notOperator', ...identity };
  }
}

const GROUPS_ITEM = 'operatorGroups';
const USER_ITEM = 'operatorUser';
