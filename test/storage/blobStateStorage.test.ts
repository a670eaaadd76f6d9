/**
 * Dialog state, preferences and card records in Blob Storage (`BlobStateStorage`) against Azurite: the
 * same blobs as botbuilder-azure-blobs' `BlobsStorage` wrote before it (so a deployment keeps its
 * state across the change), conditional writes that refuse a stale ETag in the words botbuilder
 * expects, and every read a request to the store (another instance's write is seen at once).
 */
import { ContainerClient } from '@azure/storage-blob';
import { BlobsStorage } from 'botbuilder-azure-blobs';
import { TURN_SIZED_PIPELINE } from '../../src/adapters/storage/blobContainer';
import { BlobStateStorage, blobName } from '../../src/adapters/storage/blobStateStorage';
import { freshContainerName, startTestAzurite, type RunningAzurite } from './support/azurite';

let azurite: RunningAzurite;

beforeAll(async () => {
  azurite = await startTestAzurite();
});

afterAll(async () => {
  await azurite.stop();
});

async function container(label: string): Promise<{ name: string; client: ContainerClient }> {
  const name = freshContainerName(label);
  const client = new ContainerClient(azurite.connectionString, name, TURN_SIZED_PIPELINE);
  await client.createIfNotExists();
  return { name, client };
}

const KEY = 'msteams/conversations/a:1/users/29:operator';

describe('BlobStateStorage', () => {
  it('reads what BlobsStorage wrote, and BlobsStorage reads what it writes, under the same blob name', async () => {
    const { name, client } = await container('state-compat');
    const before = new BlobsStorage(azurite.connectionString, name);
    await before.write({ [KEY]: { dialogState: { dialogStack: ['unlock'] }, eTag: '*' } });
    const storage = new BlobStateStorage(client);
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ dialogState: { dialogStack: ['unlock'] }, eTag: expect.any(String) });

    await storage.write({ 'cards/offers/c1': { value: { target: 'Līga Kalniņa' }, eTag: '*' } });
    expect((await before.read(['cards/offers/c1']))['cards/offers/c1']).toMatchObject({ value: { target: 'Līga Kalniņa' } });
    const names: string[] = [];
    for await (const blob of client.listBlobsFlat()) names.push(blob.name);
    expect(names.sort()).toEqual([blobName('cards/offers/c1'), blobName(KEY)].sort());
    expect(blobName('cards//offers/c1')).toBe('cards%2Foffers%2Fc1');
  });

  it('leaves out keys that have no blob, and deleting one that is gone is no error', async () => {
    const storage = new BlobStateStorage((await container('state-missing')).client);
    expect(await storage.read(['nobody/here', 'nor/there'])).toEqual({});
    await expect(storage.delete(['nobody/here'])).resolves.toBeUndefined();
  });

  it('refuses a write with a stale ETag as an "eTag conflict" and keeps the newer value', async () => {
    const storage = new BlobStateStorage((await container('state-etag')).client);
    await storage.write({ [KEY]: { n: 1, eTag: '*' } });
    const first = (await storage.read([KEY]))[KEY] as { eTag: string };
    await storage.write({ [KEY]: { n: 2, eTag: first.eTag } });
    await expect(storage.write({ [KEY]: { n: 3, eTag: first.eTag } })).rejects.toThrow('eTag conflict');
    expect((await storage.read([KEY]))[KEY]).toMatchObject({ n: 2 });
  });

  it("sees another instance's write and delete on the next read (it keeps blob clients, never their contents)", async () => {
    const { client } = await container('state-instances');
    const [a, b] = [new BlobStateStorage(client), new BlobStateStorage(client)];
    await a.write({ [KEY]: { n: 1, eTag: '*' } });
    expect((await b.read([KEY]))[KEY]).toMatchObject({ n: 1 });
    await a.write({ [KEY]: { n: 2, eTag: '*' } });
    expect((await b.read([KEY]))[KEY]).toMatchObject({ n: 2 });
    await a.delete([KEY]);
    expect(await b.read([KEY])).toEqual({});
  });
});
