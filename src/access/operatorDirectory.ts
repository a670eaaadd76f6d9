/**
 * Who is an operator: a member (direct or nested) of the helpdesk group, asked of Graph for the
 * person who acts — the `from.aadObjectId` of the activity — never taken from card data.
 * Answers are cached briefly so a burst of clicks does not cost a Graph call each, while a removal
 * from the group takes effect within minutes.
 * https://learn.microsoft.com/en-us/graph/api/directoryobject-checkmembergroups
 */
import type { GraphGateway } from '../graph/graphGateway';
import { isSuccess, unavailable } from '../graph/unavailable';
import type { UnavailableCause } from '../directory/accountState';

export type OperatorCheck =
  | { readonly kind: 'operator' }
  | { readonly kind: 'notOperator' }
  | { readonly kind: 'unavailable'; readonly cause: UnavailableCause; readonly requestId?: string };

export interface OperatorDirectory {
  check(aadObjectId: string): Promise<OperatorCheck>;
}

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
    const answer = await this.ask(aadObjectId);
    if (answer.kind !== 'unavailable') {
      this.cache.set(aadObjectId, { answer, until: this.now() + this.cacheSeconds * 1000 });
    }
    return answer;
  }

  private async ask(aadObjectId: string): Promise<OperatorCheck> {
    const response = await this.graph.post(`/users/${encodeURIComponent(aadObjectId)}/checkMemberGroups`, {
      groupIds: [this.helpdeskGroupId],
    });
    if (response.status === 404) {
      return { kind: 'notOperator' };
    }
    if (!isSuccess(response)) {
      const { cause, requestId } = unavailable(response);
      return { kind: 'unavailable', cause, ...(requestId ? { requestId } : {}) };
    }
    const groups = (response.body as { value?: unknown } | undefined)?.value;
    return Array.isArray(groups) && groups.includes(this.helpdeskGroupId) ? { kind: 'operator' } : { kind: 'notOperator' };
  }
}
