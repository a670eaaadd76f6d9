/**
 * Exchange Online cmdlets over the admin API's `InvokeCommand` endpoint, the REST call the Exchange
 * Online PowerShell v3 module makes. It is the only programmatic route to the restricted-sender list:
 * Graph has no API for it. Undocumented, so every answer is checked and failures become outcomes.
 * https://learn.microsoft.com/en-us/defender-office-365/outbound-spam-restore-restricted-users
 */
import type { TokenCredential } from '@azure/identity';
import { defaultScopeOf } from '../graph/credentials';
import { parseRetryAfter } from '../graph/retryAfter';
import type { GraphResponse } from '../graph/batch';
import { parseJsonBody } from '../graph/jsonBody';
import { canWaitInTurn, requestSignal } from '../turnScope';
import { sendHttp } from '../nodeHttp';
import { describeNetworkError } from '../networkError';

export interface ExchangeAdminClientOptions {
  readonly endpoint: string;
  readonly tenantId: string;
  readonly credential: TokenCredential;
  readonly maxRetries?: number;
  readonly maxRetryAfterSeconds?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly onResponse?: (info: { cmdlet: string; status: number; requestId?: string; networkError?: string }) => void;
}

/** The system mailbox app-only calls anchor to, as the EXO v3 module does. */
const APP_ANCHOR_MAILBOX = 'SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}';

const RETRYABLE_READ = new Set([429, 503, 504]);
const RETRYABLE_CHANGE = new Set([429]);

export class ExchangeAdminClient {
  private readonly scope: string;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(private readonly options: ExchangeAdminClientOptions) {
    this.scope = defaultScopeOf(options.endpoint);
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /**
   * Runs one cmdlet, honouring `Retry-After`. Reads are retried on 429, 503 and 504; a change only on
   * 429, which says it was not processed: after a 503 it may have been, and running it again could
   * turn a success into an error.
   */
  async invokeCommand(cmdlet: string, parameters: Readonly<Record<string, string>>): Promise<GraphResponse> {
    const maxRetries = this.options.maxRetries ?? 3;
    const retryable = cmdlet.startsWith('Get-') ? RETRYABLE_READ : RETRYABLE_CHANGE;
    for (let attempt = 0; ; attempt += 1) {
      const answer = await this.send(cmdlet, parameters);
      const wait = answer.retryAfterSeconds ?? 2 ** attempt;
      if (
        !retryable.has(answer.status) ||
        attempt >= maxRetries ||
        wait > (this.options.maxRetryAfterSeconds ?? 10) ||
        !canWaitInTurn(wait)
      ) {
        return answer;
      }
      await this.sleep(wait * 1000);
    }
  }

  private async send(cmdlet: string, parameters: Readonly<Record<string, string>>): Promise<GraphResponse> {
    const { endpoint, tenantId } = this.options;
    const url = new URL(`/adminapi/beta/${encodeURIComponent(tenantId)}/InvokeCommand`, endpoint);
    let answer: GraphResponse;
    try {
      const token = await this.options.credential.getToken(this.scope);
      if (!token) {
        throw new Error(`The credential returned no token for ${this.scope}.`);
      }
      const response = await sendHttp(
        'POST',
        url,
        {
          Authorization: `Bearer ${token.token}`,
          'Content-Type': 'application/json',
          'X-AnchorMailbox': `APP:${APP_ANCHOR_MAILBOX}@${tenantId}`,
          'X-ResponseFormat': 'json',
        },
        JSON.stringify({ CmdletInput: { CmdletName: cmdlet, Parameters: parameters } }),
        requestSignal(),
      );
      answer = {
        status: response.status,
        body: parseJsonBody(response.text),
        requestId: response.header('request-id'),
        retryAfterSeconds: parseRetryAfter(response.header('Retry-After')),
      };
    } catch (error) {
      const networkError = describeNetworkError(error);
      this.options.onResponse?.({ cmdlet, status: 0, networkError });
      return { status: 0, body: undefined, networkError };
    }
    this.options.onResponse?.({ cmdlet, status: answer.status, requestId: answer.requestId });
    return answer;
  }
}
