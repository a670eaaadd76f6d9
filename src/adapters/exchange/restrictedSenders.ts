/**
 * The restricted-sender list: users Exchange Online Protection blocked from sending after outbound spam.
 * `Get-BlockedSenderAddress` / `Remove-BlockedSenderAddress`:
 * https://learn.microsoft.com/en-us/powershell/module/exchange/get-blockedsenderaddress
 */
import type { Checked, RestrictedSender } from '../../domain/account';
import type { WriteOutcome } from '../../domain/outcome';
import type { GraphResponse } from '../graph/batch';
import { isSuccess, unavailable } from '../graph/unavailable';
import { CHECK_REQUIREMENTS, type CheckRequirements } from '../../domain/checkRequirements';
import type { ExchangeAdminClient } from './exchangeAdminClient';

export const RESTRICTED_SENDER_REQUIREMENTS: CheckRequirements = CHECK_REQUIREMENTS.restrictedSender;

export type UnblockOutcome = WriteOutcome;

export interface RestrictedSenderService {
  /** `null` when the address is not on the list. */
  find(senderAddress: string): Promise<Checked<RestrictedSender | null>>;
  remove(senderAddress: string): Promise<UnblockOutcome>;
}

export class ExchangeRestrictedSenders implements RestrictedSenderService {
  constructor(private readonly exchange: ExchangeAdminClient) {}

  async find(senderAddress: string): Promise<Checked<RestrictedSender | null>> {
    const answer = await this.exchange.invokeCommand('Get-BlockedSenderAddress', { SenderAddress: senderAddress });
    if (!isSuccess(answer)) {
      return cmdletNotAvailable(answer)
        ? { kind: 'unavailable', cause: 'permission', needs: RESTRICTED_SENDER_REQUIREMENTS.permission, ...requestIdOf(answer) }
        : unavailable(answer, RESTRICTED_SENDER_REQUIREMENTS);
    }
    const entries = (answer.body as { value?: unknown } | undefined)?.value;
    if (!Array.isArray(entries)) {
      return { kind: 'unavailable', cause: 'outage', ...(answer.requestId ? { requestId: answer.requestId } : {}) };
    }
    const entry = entries.find(
      (candidate: unknown): candidate is Record<string, unknown> =>
        typeof candidate === 'object' &&
        candidate !== null &&
        String((candidate as Record<string, unknown>).SenderAddress).toLowerCase() === senderAddress.toLowerCase(),
    );
    if (!entry) {
      return { kind: 'ok', value: null };
    }
    return {
      kind: 'ok',
      value: {
        senderAddress,
        ...(typeof entry.Reason === 'string' ? { reason: entry.Reason } : {}),
        ...(typeof entry.CreatedDatetime === 'string' ? { createdDateTime: entry.CreatedDatetime } : {}),
      },
    };
  }

  async remove(senderAddress: string): Promise<UnblockOutcome> {
    const answer = await this.exchange.invokeCommand('Remove-BlockedSenderAddress', {
      SenderAddress: senderAddress,
      Reason: 'Unblocked by the helpdesk with Unlock',
    });
    if (isSuccess(answer)) {
      return { kind: 'done', ...requestIdOf(answer) };
    }
    const cause = answer.status === 0 ? 'noAnswer' : cmdletNotAvailable(answer) ? 'permission' : answer.status === 400 ? 'rejected' : unavailable(answer).cause;
    return { kind: 'failed', cause, ...requestIdOf(answer) };
  }
}

/**
 * Exchange exposes only the cmdlets the caller's roles allow; one outside them is "not recognized",
 * which means a missing role, not a broken service.
 * https://learn.microsoft.com/en-us/powershell/exchange/find-exchange-cmdlet-permissions
 */
function cmdletNotAvailable(answer: GraphResponse): boolean {
  return answer.status === 400 && /is not recognized/i.test(JSON.stringify(answer.body ?? ''));
}

function requestIdOf(answer: GraphResponse): { requestId?: string } {
  return answer.requestId ? { requestId: answer.requestId } : {};
}
