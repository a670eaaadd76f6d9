/**
 * The Blob Storage adapters against Azurite: claims that two instances can never both win, an audit
 * trail that pages newest first with one bounded read per page, card records that expire when read,
 * and a start-up that fails fast and says why without a key in the message.
 */
import { ContainerClient } from '@azure/storage-blob';
import { BlobAuditLog } from '../../src/adapters/audit/blobAuditLog';
import { CLAIM_HOLD_MS } from '../../src/adapters/storage/actionClaims';
import { BlobActionClaims } from '../../src/adapters/storage/blobActionClaims';
import { StorageStartError, TURN_SIZED_PIPELINE } from '../../src/adapters/storage/blobContainer';
import { StorageRecordStore } from '../../src/adapters/storage/recordStore';
import { openBlobStores } from '../../src/adapters/storage/stores';
import type { AuditRecord } from '../../src/domain/audit';
import type { AuditPage, ClaimResult } from '../../src/operations/ports';
import { connectionStringVia, freshContainerName, startTestAzurite, type RunningAzurite } from './support/azurite';
import { startStorageProxy, type StorageProxy } from './support/storageProxy';

let azurite: RunningAzurite;
let proxy: StorageProxy;

beforeAll(async () => {
  azurite = await startTestAzurite();
  proxy = await startStorageProxy({ port: azurite.port, account: 'devstoreaccount1' });
});

afterAll(async () => {
  await proxy.stop();
  await azurite.stop();
});

afterEach(() => proxy.clearFaults());

/** A container client as one bot instance has it: its own client, through the counting proxy. */
async function instance(container: string): Promise<ContainerClient> {
  const client = new ContainerClient(connectionStringVia(azurite, proxy.blobEndpoint), container, TURN_SIZED_PIPELINE);
  await client.createIfNotExists();
  return client;
}

const claimant = (by: string) => ({ by, name: by, step: 'resetPassword' });

describe('claims in Blob Storage', () => {
  it('two instances claiming the same step at the same moment: exactly one wins, the other is told who', async () => {
    const container = freshContainerName('claims-race');
    const [a, b] = [new BlobActionClaims(await instance(container)), new BlobActionClaims(await instance(container))];
    const now = new Date();
    const results: ClaimResult[] = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? a : b).claim('user-1', 'resetPassword', claimant(`operator-${i}`), now)),
    );
    const won = results.filter((result) => result.kind === 'claimed');
    expect(won).toHaveLength(1);
    const taken = results.filter((result): result is Extract<ClaimResult, { kind: 'taken' }> => result.kind === 'taken');
    expect(taken).toHaveLength(19);
    expect(new Set(taken.map((result) => result.claim.by)).size).toBe(1);
  });

  it('never reports a card as missing: the first claim creates the record on condition that it is absent', async () => {
    const claims = new BlobActionClaims(await instance(freshContainerName('claims-first')));
    await expect(claims.claim('never-prepared', 'allowSignIn', claimant('x'), new Date())).resolves.toEqual({ kind: 'claimed' });
  });

  it('a claim that ran out is taken over by one of two racing instances', async () => {
    const container = freshContainerName('claims-expired');
    const [a, b] = [new BlobActionClaims(await instance(container)), new BlobActionClaims(await instance(container))];
    const then = new Date(Date.now() - CLAIM_HOLD_MS - 1000);
    await a.claim('user-2', 'allowSignIn', claimant('old'), then);
    const now = new Date();
    const results = await Promise.all([a.claim('user-2', 'allowSignIn', claimant('a'), now), b.claim('user-2', 'allowSignIn', claimant('b'), now)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['claimed', 'taken']);
  });

  it('settles only its own claim: failed gives the step back, done keeps it', async () => {
    const claims = new BlobActionClaims(await instance(freshContainerName('claims-settle')));
    const now = new Date();
    await claims.claim('user-3', 'allowSignIn', claimant('mine'), now);
    await claims.settle('user-3', 'allowSignIn', 'someone-else', 'failed', now);
    expect(await claims.claim('user-3', 'allowSignIn', claimant('other'), now)).toMatchObject({ kind: 'taken', claim: { by: 'mine', state: 'running' } });
    await claims.settle('user-3', 'allowSignIn', 'mine', 'failed', now);
    expect(await claims.claim('user-3', 'allowSignIn', claimant('other'), now)).toEqual({ kind: 'claimed' });
    await claims.settle('user-3', 'allowSignIn', 'other', 'done', now);
    expect(await claims.claim('user-3', 'allowSignIn', claimant('third'), now)).toMatchObject({ kind: 'taken', claim: { by: 'other', state: 'done' } });
  });

  it('a create whose answer was lost and retried still counts as ours, and stays the only one', async () => {
    const container = freshContainerName('claims-lost');
    const claims = new BlobActionClaims(await instance(container));
    // The store writes the claim, the answer is lost (503), the SDK retries and hears 409: it exists.
    proxy.fail({ method: 'PUT', path: /\/claims\/user-4\//, status: 503, afterStore: true, times: 1 });
    expect(await claims.claim('user-4', 'allowSignIn', claimant('mine'), new Date())).toEqual({ kind: 'claimed' });
    expect(await new BlobActionClaims(await instance(container)).claim('user-4', 'allowSignIn', claimant('other'), new Date())).toMatchObject({
      kind: 'taken',
      claim: { by: 'mine' },
    });
  });

  it('a store that keeps failing is an error, never a silent claim', async () => {
    const claims = new BlobActionClaims(await instance(freshContainerName('claims-down')));
    proxy.fail({ path: /\/claims\//, status: 503 });
    await expect(claims.claim('user-5', 'allowSignIn', claimant('x'), new Date())).rejects.toMatchObject({ statusCode: 503 });
  });
});

function auditRecord(targetId: string, at: Date, i: number): AuditRecord {
  return {
    at: at.toISOString(),
    actionId: `card-${i}/allowSignIn`,
    actor: { aadObjectId: 'operator', name: 'Alex Wilber' },
    place: { conversationId: 'a:chat' },
    target: { id: targetId, userPrincipalName: 'liga.kalnina@contoso.com', displayName: 'Līga Kalniņa' },
    step: 'allowSignIn',
    outcome: i % 2 === 0 ? { kind: 'attempted' } : { kind: 'succeeded', requestId: `req-${i}` },
  };
}

describe('the audit trail in Blob Storage', () => {
  it('pages through 500 records newest first, one bounded read per page, no rewrite on append', async () => {
    const container = freshContainerName('audit-500');
    const log = new BlobAuditLog(await instance(container));
    const start = Date.UTC(2026, 0, 1);
    const append = (writer: BlobAuditLog, i: number) => writer.append(auditRecord('user-500', new Date(start + i * 1000), i));
    // Most straight to Azurite (the proxy only slows them down), the last 20 through the counting proxy.
    const direct = new BlobAuditLog(new ContainerClient(azurite.connectionString, container));
    for (let batch = 0; batch < 480; batch += 160) {
      await Promise.all(Array.from({ length: 160 }, (_, i) => append(direct, batch + i)));
    }
    const before = proxy.requests.length;
    await Promise.all(Array.from({ length: 20 }, (_, i) => append(log, 480 + i)));
    // Each append is one request that creates one blob; nothing else is read or rewritten.
    expect(proxy.requests.slice(before).map((request) => request.method)).toEqual(Array(20).fill('PUT'));

    const seen: AuditRecord[] = [];
    let page: AuditPage | undefined;
    let pages = 0;
    do {
      const reads = proxy.requests.length;
      page = await log.forTarget('user-500', { limit: 50, ...(page?.continuation ? { continuation: page.continuation } : {}) });
      expect(proxy.requests.slice(reads)).toEqual([expect.objectContaining({ method: 'GET', path: expect.stringMatching(/comp=list.*maxresults=50|maxresults=50.*comp=list/) })]);
      seen.push(...page.records);
      pages += 1;
    } while (page.continuation);
    expect(pages).toBe(10);
    expect(seen).toHaveLength(500);
    expect(seen.map((record) => record.actionId)).toEqual(Array.from({ length: 500 }, (_, i) => `card-${499 - i}/allowSignIn`));
    expect(seen[0]?.target.displayName).toBe('Līga Kalniņa');
    // The old form reads the newest records as before.
    expect((await log.forTarget('user-500', 3)).map((record) => record.actionId)).toEqual(['card-499/allowSignIn', 'card-498/allowSignIn', 'card-497/allowSignIn']);
  });

  it('keeps the order of records appended in the same millisecond, and other users apart', async () => {
    const log = new BlobAuditLog(await instance(freshContainerName('audit-order')));
    const at = new Date();
    await log.append(auditRecord('user-a', at, 0));
    await log.append(auditRecord('user-a', at, 1));
    await log.append(auditRecord('user-b', at, 2));
    expect((await log.forTarget('user-a', 10)).map((record) => record.outcome.kind)).toEqual(['succeeded', 'attempted']);
    expect(await log.forTarget('user-b', 10)).toHaveLength(1);
  });

  it('a record too large for metadata is read from its body', async () => {
    const log = new BlobAuditLog(await instance(freshContainerName('audit-large')));
    const large = { ...auditRecord('user-c', new Date(), 0), outcome: { kind: 'refused' as const, reason: 'ä'.repeat(3000) } };
    await log.append(large);
    expect(await log.forTarget('user-c', 1)).toEqual([large]);
  });
});

describe('card records', () => {
  it('read as gone once their lifetime is over, however long the blob lingers', async () => {
    const stores = await openBlobStores({ kind: 'connectionString', connectionString: azurite.connectionString }, freshContainerName('records'));
    let now = Date.now();
    const records = new StorageRecordStore<{ note: string }>(stores.storage, 'offers', { lifetimeMs: 60_000, now: () => now });
    const id = await records.add({ note: 'Līga' });
    expect(await records.get(id)).toEqual({ note: 'Līga' });
    now += 60_001;
    expect(await records.get(id)).toBeUndefined();
  });
});

describe('starting on a store that cannot be used', () => {
  it('fails fast when nothing answers, naming the address and never the key', async () => {
    const unreachable = azurite.connectionString.replace(`:${azurite.port}/`, ':9/');
    const started = Date.now();
    const error = await openBlobStores({ kind: 'connectionString', connectionString: unreachable }, 'unlock').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StorageStartError);
    expect((error as Error).message).toMatch(/Storage is not reachable: container "unlock" at http:\/\/127\.0\.0\.1:9\/devstoreaccount1\/unlock \(ECONNREFUSED\)/);
    expect((error as Error).message).not.toMatch(/AccountKey|Eby8/);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('fails fast when the container cannot be created, saying what to grant', async () => {
    proxy.fail({ method: 'PUT', path: /restype=container/, status: 403 });
    const error = await openBlobStores({ kind: 'connectionString', connectionString: connectionStringVia(azurite, proxy.blobEndpoint) }, freshContainerName('denied')).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StorageStartError);
    expect((error as Error).message).toMatch(/refused .*\(403 AuthorizationPermissionMismatch\).*Storage Blob Data Contributor/);
  });
});
