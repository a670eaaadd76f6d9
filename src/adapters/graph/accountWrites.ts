/**
 * The writes Unlock makes, one Graph (or Exchange) call each. Failures come back as outcomes with
 * the Graph error code and request-id; nothing here throws for an HTTP status.
 */
import type { UnavailableCause } from '../../domain/account';
import type { GraphGateway, GraphResponse } from './graphGateway';
import { causeOf, graphErrorCode, isSuccess } from './unavailable';
import type { RestrictedSenderService } from '../exchange/restrictedSenders';
import type { Secret } from '../../domain/secret';

/**
 * `rejected`: Graph understood the request and refused it (400), e.g. an on-premises mastered user.
 * `noAnswer`: no answer came (timeout, connection lost), so the change may or may not have been made.
 */
export type WriteFailureCause = UnavailableCause | 'rejected' | 'noAnswer';

export type WriteOutcome =
  | { readonly kind: 'done'; readonly requestId?: string }
  | { readonly kind: 'failed'; readonly cause: WriteFailureCause; readonly code?: string; readonly requestId?: string };

export interface RemediationGateway {
  enableSignIn(userId: string): Promise<WriteOutcome>;
  resetPassword(userId: string, password: Secret): Promise<WriteOutcome>;
  revokeSessions(userId: string): Promise<WriteOutcome>;
  dismissRisk(userId: string): Promise<WriteOutcome>;
  confirmCompromised(userId: string): Promise<WriteOutcome>;
  removeInboxRule(userId: string, ruleId: string): Promise<WriteOutcome>;
  unblockSending(senderAddress: string): Promise<WriteOutcome>;
}

export class GraphRemediationGateway implements RemediationGateway {
  constructor(
    private readonly graph: GraphGateway,
    private readonly restrictedSenders: RestrictedSenderService,
  ) {}

  /** https://learn.microsoft.com/en-us/graph/api/user-update */
  async enableSignIn(userId: string): Promise<WriteOutcome> {
    return outcomeOf(await this.graph.patch(userPath(userId), { accountEnabled: true }));
  }

  /** Change at next sign-in, so the temporary password is used once. */
  async resetPassword(userId: string, password: Secret): Promise<WriteOutcome> {
    return outcomeOf(
      await this.graph.patch(userPath(userId), {
        passwordProfile: { password: password.reveal(), forceChangePasswordNextSignIn: true },
      }),
    );
  }

  /** https://learn.microsoft.com/en-us/graph/api/user-revokesigninsessions */
  async revokeSessions(userId: string): Promise<WriteOutcome> {
    return outcomeOf(await this.graph.post(`${userPath(userId)}/revokeSignInSessions`, undefined));
  }

  /** https://learn.microsoft.com/en-us/graph/api/riskyuser-dismiss */
  async dismissRisk(userId: string): Promise<WriteOutcome> {
    return outcomeOf(await this.graph.post('/identityProtection/riskyUsers/dismiss', { userIds: [userId] }));
  }

  /** https://learn.microsoft.com/en-us/graph/api/riskyuser-confirmcompromised */
  async confirmCompromised(userId: string): Promise<WriteOutcome> {
    return outcomeOf(await this.graph.post('/identityProtection/riskyUsers/confirmCompromised', { userIds: [userId] }));
  }

  /** https://learn.microsoft.com/en-us/graph/api/messagerule-delete */
  async removeInboxRule(userId: string, ruleId: string): Promise<WriteOutcome> {
    return outcomeOf(
      await this.graph.delete(`${userPath(userId)}/mailFolders/inbox/messageRules/${encodeURIComponent(ruleId)}`),
    );
  }

  async unblockSending(senderAddress: string): Promise<WriteOutcome> {
    const outcome = await this.restrictedSenders.remove(senderAddress);
    return outcome;
  }
}

function userPath(userId: string): string {
  return `/users/${encodeURIComponent(userId)}`;
}

function outcomeOf(response: GraphResponse): WriteOutcome {
  const requestId = response.requestId ? { requestId: response.requestId } : {};
  if (isSuccess(response)) {
    return { kind: 'done', ...requestId };
  }
  const code = graphErrorCode(response);
  return {
    kind: 'failed',
    cause: response.status === 0 ? 'noAnswer' : response.status === 400 ? 'rejected' : causeOf(response),
    ...(code ? { code } : {}),
    ...requestId,
  };
}
