/**
 * The write-limit ledger in Blob Storage against Azurite: two instances racing for the last slots of
 * a limit get exactly the limit between them, and a new instance (a restart) reads the same count.
 */
import { ContainerClient } from '@azure/storage-blob';
import { BlobWriteLedger } from '../../src/adapters/storage/blobWriteLedger';
import { TURN_SIZED_PIPELINE } from '../../src/adapters/storage/blobContainer';
import { WriteLimits } from '../../src/operations/writeLimits';
import { stepDefinition } from '../../src/steps/registry';
import type { WriteStep } from '../../src/steps/step';
import { freshContainerName, startTestAzurite, type RunningAzurite } from './support/azurite';

let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await startTestAzurite();
});

afterAll(async () => {
  await azurite.stop();
});

async function instance(container: string): Promise<ContainerClient> {
  const client = new ContainerClient(azurite.connectionString, container, TURN_SIZED_PIPELINE);
  await client.createIfNotExists();
  return client;
}

const resetPassword = stepDefinition('resetPassword') as WriteStep;

describe('write limits in Blob Storage', () => {
  it('two instances racing: five of twelve password resets by one operator get through, and a restarted instance sees the five', async () => {
    const container = freshContainerName('limits-race');
    const [a, b] = [new WriteLimits(new BlobWriteLedger(await instance(container))), new WriteLimits(new BlobWriteLedger(await instance(container)))];
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? a : b).take(resetPassword, 'operator-1', `user-${i}`, now)));
    expect(results.filter((result) => result.kind === 'taken')).toHaveLength(5);

    const restarted = new WriteLimits(new BlobWriteLedger(await instance(container)));
    expect(await restarted.check(resetPassword, 'operator-1', 'user-x', now)).toMatchObject({ kind: 'limitReached', scope: 'operator', count: 5 });
    // Fifteen minutes on, the window has moved past all five.
    expect(await restarted.check(resetPassword, 'operator-1', 'user-x', new Date(now.getTime() + 15 * 60_000))).toBeUndefined();
  });

  it('a write that did not happen gives its slot back', async () => {
    const limits = new WriteLimits(new BlobWriteLedger(await instance(freshContainerName('limits-release'))));
    const now = new Date();
    const first = await limits.take(resetPassword, 'operator-1', 'anna', now);
    const second = await limits.take(resetPassword, 'operator-2', 'anna', now);
    expect(await limits.take(resetPassword, 'operator-3', 'anna', now)).toMatchObject({ kind: 'limitReached', scope: 'target' });
    if (second.kind !== 'taken' || first.kind !== 'taken') throw new Error('not taken');
    await second.release();
    expect(await limits.take(resetPassword, 'operator-3', 'anna', now)).toMatchObject({ kind: 'taken' });
  });
});
