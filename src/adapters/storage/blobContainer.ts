/**
 * The one blob container that holds Unlock's state, card records, claims and audit trail, reached
 * with a connection string (Azurite, or an account with keys) or with the account URL and an Entra
 * credential (a managed identity in production: no key exists). Every client on it shares one retry
 * policy sized for a Teams turn: the SDK's default backs off for minutes, far past the few seconds
 * Teams waits for an answer, so a failing store is reported quickly instead.
 * https://learn.microsoft.com/en-us/javascript/api/@azure/storage-blob/storageretryoptions
 */
import type { TokenCredential } from '@azure/identity';
import { ContainerClient, type StoragePipelineOptions } from '@azure/storage-blob';

export type BlobLocation =
  | { readonly kind: 'connectionString'; readonly connectionString: string }
  | { readonly kind: 'accountUrl'; readonly accountUrl: string; readonly credential: TokenCredential };

/** Two tries of at most 3 s each: a turn (10 s) survives one slow or failed request, not a dead store. */
export const TURN_SIZED_PIPELINE: StoragePipelineOptions = {
  retryOptions: { maxTries: 2, tryTimeoutInMs: 3_000, retryDelayInMs: 100, maxRetryDelayInMs: 500 },
};

export function containerClient(location: BlobLocation, container: string): ContainerClient {
  return location.kind === 'connectionString'
    ? new ContainerClient(location.connectionString, container, TURN_SIZED_PIPELINE)
    : new ContainerClient(containerUrl(location.accountUrl, container), location.credential, TURN_SIZED_PIPELINE);
}

export function containerUrl(accountUrl: string, container: string): string {
  return `${accountUrl.replace(/\/+$/, '')}/${container}`;
}

/** The container's address for messages and logs: no query string, so never a SAS token. */
export function describeContainer(client: ContainerClient): string {
  const url = new URL(client.url);
  return `${url.origin}${url.pathname}`;
}

export class StorageStartError extends Error {}

/**
 * Start-up check: the container exists (created if absent) and answers. Fails fast with what to do,
 * naming the address and the service's error code, never a key or token.
 */
export async function ensureContainer(client: ContainerClient): Promise<void> {
  const where = `container "${client.containerName}" at ${describeContainer(client)}`;
  try {
    await client.createIfNotExists({ abortSignal: AbortSignal.timeout(10_000) });
    await client.getProperties({ abortSignal: AbortSignal.timeout(10_000) });
  } catch (error) {
    const status = statusOf(error);
    const code = codeOf(error);
    if (status === 401 || status === 403) {
      throw new StorageStartError(
        `Storage refused the ${where} (${status}${code ? ` ${code}` : ''}): give the bot's identity the ` +
          '"Storage Blob Data Contributor" role on the account, or check STORAGE_CONNECTION_STRING.',
      );
    }
    if (status !== undefined) {
      throw new StorageStartError(`Storage could not create or read the ${where} (${status}${code ? ` ${code}` : ''}).`);
    }
    throw new StorageStartError(`Storage is not reachable: ${where} (${code ?? 'no answer'}).`);
  }
}

export function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/** The storage service's error code (`BlobAlreadyExists`, `ConditionNotMet`) or a network one (`ECONNREFUSED`). */
function codeOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown; details?: { errorCode?: unknown } } | null)?.details?.errorCode ?? (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code.slice(0, 64) : undefined;
}

/**
 * A conditional request lost: the blob exists (`If-None-Match: *`, 409 `BlobAlreadyExists`, or 412
 * when a proxy reports it so) or changed (`If-Match`, 412 `ConditionNotMet`).
 * https://learn.microsoft.com/en-us/rest/api/storageservices/specifying-conditional-headers-for-blob-service-operations
 */
export function isConditionFailed(error: unknown): boolean {
  const status = statusOf(error);
  return status === 409 || status === 412;
}

export function isNotFound(error: unknown): boolean {
  return statusOf(error) === 404;
}
