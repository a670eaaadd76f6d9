/**
 * The tenant as the steps see it (`TenantWrites` in steps/step.ts): one Graph request or one
 * Exchange command, its HTTP answer translated into a domain outcome with the Graph error code and
 * request-id. Nothing here throws for an HTTP status.
 */
import type { WriteOutcome } from '../../domain/outcome';
import type { GraphWriteAnswer, TenantWrites } from '../../steps/step';
import type { RestrictedSenderService } from '../exchange/restrictedSenders';
import type { GraphResponse } from './batch';
import type { GraphGateway } from './graphGateway';
import { causeOf, graphErrorCode, isSuccess } from './unavailable';

export class GraphTenantWrites implements TenantWrites {
  constructor(
    private readonly graphGateway: GraphGateway,
    private readonly restrictedSenders: RestrictedSenderService,
  ) {}

  async graph(method: 'GET' | 'PATCH' | 'POST' | 'DELETE', path: string, body?: unknown): Promise<GraphWriteAnswer> {
    const gateway = this.graphGateway;
    const response =
      method === 'GET'
        ? await gateway.get(path)
        : method === 'PATCH'
          ? await gateway.patch(path, body)
          : method === 'POST'
            ? await gateway.post(path, body)
            : await gateway.delete(path);
    return answerOf(response);
  }

  unblockSender(address: string): Promise<WriteOutcome> {
    return this.restrictedSenders.remove(address);
  }
}

function answerOf(response: GraphResponse): GraphWriteAnswer {
  const requestId = response.requestId ? { requestId: response.requestId } : {};
  if (isSuccess(response)) {
    return { kind: 'done', ...requestId, ...(response.body !== undefined ? { body: response.body } : {}) };
  }
  const code = graphErrorCode(response);
  return {
    kind: 'failed',
    cause: response.status === 0 ? 'noAnswer' : response.status === 400 ? 'rejected' : causeOf(response),
    ...(code ? { code } : {}),
    ...requestId,
  };
}
