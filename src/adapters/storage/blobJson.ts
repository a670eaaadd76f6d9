/** Small JSON blobs read whole in one request, with the ETag a conditional write needs. */
import { buffer } from 'node:stream/consumers';
import type { BlobClient } from '@azure/storage-blob';
import { requestSignal } from '../turnScope';
import { isNotFound } from './blobContainer';

export interface JsonBlob<T> {
  readonly value: T;
  readonly etag: string;
}

/** The blob's JSON and ETag; undefined when there is no such blob. */
export async function readJsonBlob<T>(blob: BlobClient): Promise<JsonBlob<T> | undefined> {
  try {
    const response = await blob.download(0, undefined, { abortSignal: requestSignal() });
    if (!response.readableStreamBody || !response.etag) {
      throw new Error(`The store answered ${blob.name} without a body or an ETag.`);
    }
    const content = await buffer(response.readableStreamBody);
    return { value: JSON.parse(content.toString('utf8')) as T, etag: response.etag };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
}
