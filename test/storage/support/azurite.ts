/** One Azurite per test file, in memory, on a free loopback port; the same launcher `npm start` uses. */
import { ContainerClient } from '@azure/storage-blob';
import { startAzurite, type RunningAzurite } from '../../../src/host/azurite';

export type { RunningAzurite } from '../../../src/host/azurite';

export function startTestAzurite(): Promise<RunningAzurite> {
  return startAzurite({ location: 'memory', port: 0 });
}

/** The emulator's connection string with another blob endpoint (a proxy in front of it). */
export function connectionStringVia(azurite: RunningAzurite, blobEndpoint: string): string {
  return azurite.connectionString.replace(azurite.blobEndpoint, blobEndpoint);
}

let containers = 0;

/** A container name of its own for each test that wants a clean store. */
export function freshContainerName(label: string): string {
  containers += 1;
  return `${label}-${process.pid}-${containers}`.toLowerCase().replace(/[^a-z0-9-]/g, '-').slice(0, 63);
}

/** Every blob in a container: its name, its body and its metadata, for scanning. */
export async function everyBlob(connectionString: string, container: string): Promise<{ name: string; body: string; metadata: string }[]> {
  const client = new ContainerClient(connectionString, container);
  const blobs: { name: string; body: string; metadata: string }[] = [];
  for await (const item of client.listBlobsFlat({ includeMetadata: true })) {
    const body = (await client.getBlobClient(item.name).downloadToBuffer()).toString('utf8');
    blobs.push({ name: item.name, body, metadata: JSON.stringify(item.metadata ?? {}) });
  }
  return blobs;
}
