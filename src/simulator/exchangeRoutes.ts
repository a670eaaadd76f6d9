/**
 * Exchange Online's admin API as the EXO v3 PowerShell module uses it (undocumented REST):
 * `POST /adminapi/beta/{tenantId}/InvokeCommand` runs one cmdlet. Only the restricted-sender
 * cmdlets are simulated.
 * https://michev.info/blog/post/5822/all-you-need-to-know-about-exchange-online-admin-api-or-how-to-run-cmdlets-without-powershell
 */
import type { SimulatedBlockedSender, SimulatedTenant } from './state';
import { failure, isPlainObject, ok, type ErrorIds, type Failure, type RouteResult } from './wire';

export interface ExchangeContext {
  readonly tenant: SimulatedTenant;
  readonly now: () => Date;
  /** e.g. `http://127.0.0.1:53000`, for `@odata.context`. */
  readonly baseUrl: string;
}

export interface ExchangeAnswer {
  readonly result: RouteResult;
  /** The cmdlet the request asked for, when it named one (for the request log). */
  readonly cmdlet?: string;
}

type Parameters = Readonly<Record<string, unknown>>;
type Cmdlet = (parameters: Parameters, context: ExchangeContext) => RouteResult;

const CMDLETS: Readonly<Record<string, Cmdlet>> = {
  'get-blockedsenderaddress': getBlockedSenderAddress,
  'remove-blockedsenderaddress': removeBlockedSenderAddress,
};

/** Answers a request under `/adminapi`; `segments` are the decoded path segments. */
export function routeExchange(
  method: string,
  segments: readonly string[],
  body: unknown,
  context: ExchangeContext,
): ExchangeAnswer {
  const [, version, tenant, operation] = segments;
  if (segments.length !== 4 || version !== 'beta' || operation?.toLowerCase() !== 'invokecommand') {
    return { result: failure(404, 'NotFound', 'The requested resource was not found.') };
  }
  if (!isOwnTenant(tenant ?? '', context.tenant)) {
    return { result: failure(404, 'NotFound', `The tenant '${tenant ?? ''}' was not found.`) };
  }
  if (method !== 'POST') {
    return { result: failure(405, 'MethodNotAllowed', 'InvokeCommand accepts only POST.') };
  }
  const input = isPlainObject(body) ? body['CmdletInput'] : undefined;
  const name = isPlainObject(input) ? input['CmdletName'] : undefined;
  if (!isPlainObject(input) || typeof name !== 'string') {
    return { result: failure(400, 'BadRequest', "The request body must contain 'CmdletInput' with a 'CmdletName'.") };
  }
  const parameters = input['Parameters'] ?? {};
  if (!isPlainObject(parameters)) {
    return { result: failure(400, 'BadRequest', "'CmdletInput.Parameters' must be an object."), cmdlet: name };
  }
  const cmdlet = CMDLETS[name.toLowerCase()];
  if (cmdlet === undefined) {
    return {
      result: failure(
        400,
        'BadRequest',
        `The term '${name}' is not recognized as the name of a cmdlet, function, script file, or operable program.`,
      ),
      cmdlet: name,
    };
  }
  return { result: cmdlet(parameters, context), cmdlet: name };
}

/** The admin API takes the tenant id or one of its domains. */
function isOwnTenant(key: string, tenant: SimulatedTenant): boolean {
  const wanted = key.toLowerCase();
  return wanted === tenant.tenantId.toLowerCase() || wanted === tenant.domain.toLowerCase();
}

/** `Get-BlockedSenderAddress [-SenderAddress <address>]`: the whole list, or the one entry. */
function getBlockedSenderAddress(parameters: Parameters, context: ExchangeContext): RouteResult {
  const read = readParameters(parameters, { SenderAddress: false });
  if (!(read instanceof Map)) return read;
  const address = read.get('SenderAddress')?.toLowerCase();
  const entries = context.tenant.blockedSenders.filter(
    (entry) => address === undefined || entry.senderAddress.toLowerCase() === address,
  );
  return ok({ '@odata.context': collectionContext(context), value: entries.map(blockedSenderResource) });
}

/**
 * `Remove-BlockedSenderAddress -SenderAddress <address> [-Reason <text>]`. Removing an address
 * that is not listed answers like a removal (unconfirmed against the real service).
 */
function removeBlockedSenderAddress(parameters: Parameters, context: ExchangeContext): RouteResult {
  const read = readParameters(parameters, { SenderAddress: true, Reason: false });
  if (!(read instanceof Map)) return read;
  const address = (read.get('SenderAddress') ?? '').toLowerCase();
  context.tenant.blockedSenders = context.tenant.blockedSenders.filter(
    (entry) => entry.senderAddress.toLowerCase() !== address,
  );
  return ok({ '@odata.context': collectionContext(context), value: [] });
}

/**
 * Checks cmdlet parameters like PowerShell does: names case-insensitive, unknown ones refused,
 * mandatory ones required. Returns the string values by canonical name.
 */
function readParameters(
  parameters: Parameters,
  accepted: Readonly<Record<string, boolean>>,
): Map<string, string> | Failure {
  const values = new Map<string, string>();
  for (const [given, value] of Object.entries(parameters)) {
    const name = Object.keys(accepted).find((candidate) => candidate.toLowerCase() === given.toLowerCase());
    if (name === undefined) {
      return failure(400, 'BadRequest', `A parameter cannot be found that matches parameter name '${given}'.`);
    }
    if (typeof value !== 'string') {
      return failure(400, 'BadRequest', `Cannot process argument transformation on parameter '${name}'.`);
    }
    values.set(name, value);
  }
  const missing = Object.keys(accepted).filter((name) => accepted[name] === true && !values.has(name));
  if (missing.length > 0) {
    return failure(
      400,
      'BadRequest',
      `Cannot process command because of one or more missing mandatory parameters: ${missing.join(' ')}.`,
    );
  }
  return values;
}

function blockedSenderResource(entry: SimulatedBlockedSender): Record<string, unknown> {
  return {
    SenderAddress: entry.senderAddress,
    Reason: entry.reason,
    CreatedDatetime: entry.createdDateTime,
    ChangedDatetime: entry.changedDateTime,
  };
}

function collectionContext(context: ExchangeContext): string {
  return `${context.baseUrl}/adminapi/beta/${context.tenant.tenantId}/$metadata#Collection(Exchange.GenericHashTable)`;
}

/**
 * Exchange's error body: clients read `error.details[].message` first, then `error.message`.
 */
export function exchangeErrorBody(result: Failure, ids: ErrorIds): Record<string, unknown> {
  return {
    error: {
      code: result.code,
      message: result.message,
      details: [{ message: result.message }],
      innererror: {
        'request-id': ids.requestId,
        date: ids.date.toISOString(),
      },
    },
  };
}
