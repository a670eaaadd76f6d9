/**
 * The audit trail in Azure Blob Storage, for several instances at once and for years: one immutable
 * blob per record, written once with `If-None-Match: *` and never rewritten, named
 * `audit/<user id>/<inverted time>-<inverted sequence>-<random>`. Blob listings come back in name
 * order, and the inverted time makes that newest first, so `history` lists one page of a user's
 * prefix and is done: no index to rewrite on every append, nothing that grows per read. Each record
 * also rides in its blob's metadata (URI-encoded, as metadata is ASCII), so a listing with metadata
 * is the whole page in one bounded request; a record too large for metadata is read from its body.
 * No lifecycle rule names `audit/`: the trail is kept.
 * https://learn.microsoft.com/en-us/rest/api/storageservices/list-blobs (results in name order, `maxresults`, `marker`)
 * https://learn.microsoft.com/en-us/rest/api/storageservices/setting-and-retrieving-properties-and-metadata-for-blob-resources (8 KB)
 */
import { randomUUID } from 'node:crypto';
import type { ContainerClient } from '@azure/storage-blob';
import type { AuditRecord } from '../../domain/audit';
import type { AuditLog, AuditPage, AuditPageRequest } from '../../operations/ports';
import { isConditionFailed } from '../storage/blobContainer';
import { readJsonBlob } from '../storage/blobJson';
import { requestSignal } from '../turnScope';

export const AUDIT_PREFIX = 'audit/';

/** Milliseconds since 1970 fit 13 digits until the year 2286. */
const LATEST_TIME = 9_999_999_999_999;
const SEQUENCE_SPACE = 1_000_000;
/** Metadata may hold 8 KB in all; leave room for the names and the service's own. */
const MAX_METADATA_RECORD = 7 * 1024;
/** The most records one page asks for; the service's own cap is 5000. */
export const MAX_AUDIT_PAGE = 1000;

export class BlobAuditLog implements AuditLog {
  /** Orders the records this instance appends within one millisecond: a later append lists first. */
  private sequence = 0;

  constructor(private readonly container: ContainerClient) {}

  async append(record: AuditRecord): Promise<void> {
    const blob = this.container.getBlockBlobClient(`${prefixOf(record.target.id)}${this.nameFor(record.at)}`);
    const body = JSON.stringify(record);
    const encoded = encodeURIComponent(body);
    try {
      await blob.upload(body, Buffer.byteLength(body), {
        conditions: { ifNoneMatch: '*' },
        ...(encoded.length <= MAX_METADATA_RECORD ? { metadata: { record: encoded } } : {}),
        blobHTTPHeaders: { blobContentType: 'application/json' },
        abortSignal: requestSignal(),
      });
    } catch (error) {
      // The name is this append's alone: "already exists" means a retry found what the first try wrote.
      if (!isConditionFailed(error)) throw error;
    }
  }

  forTarget(targetId: string, limit: number): Promise<readonly AuditRecord[]>;
  forTarget(targetId: string, page: AuditPageRequest): Promise<AuditPage>;
  async forTarget(targetId: string, request: number | AuditPageRequest): Promise<readonly AuditRecord[] | AuditPage> {
    const page = await this.page(targetId, typeof request === 'number' ? { limit: request } : request);
    return typeof request === 'number' ? page.records : page;
  }

  private async page(targetId: string, request: AuditPageRequest): Promise<AuditPage> {
    const maxPageSize = Math.max(1, Math.min(MAX_AUDIT_PAGE, Math.floor(request.limit)));
    const listing = await this.container
      .listBlobsFlat({ prefix: prefixOf(targetId), includeMetadata: true, abortSignal: requestSignal() })
      .byPage({ maxPageSize, ...(request.continuation ? { continuationToken: request.continuation } : {}) })
      .next();
    const page = listing.done ? undefined : listing.value;
    const items = page?.segment.blobItems ?? [];
    const records = await Promise.all(
      items.map(async (item) => {
        const inMetadata = item.metadata?.record;
        if (inMetadata) return JSON.parse(decodeURIComponent(inMetadata)) as AuditRecord;
        return (await readJsonBlob<AuditRecord>(this.container.getBlobClient(item.name)))?.value;
      }),
    );
    return {
      records: records.filter((record): record is AuditRecord => record !== undefined),
      ...(page?.continuationToken ? { continuation: page.continuationToken } : {}),
    };
  }

  private nameFor(at: string): string {
    const time = Date.parse(at);
    const inverted = LATEST_TIME - (Number.isNaN(time) ? Date.now() : time);
    this.sequence = (this.sequence + 1) % SEQUENCE_SPACE;
    const sequence = SEQUENCE_SPACE - 1 - this.sequence;
    return `${String(inverted).padStart(13, '0')}-${String(sequence).padStart(6, '0')}-${randomUUID().slice(0, 8)}`;
  }
}

function prefixOf(targetId: string): string {
  return `${AUDIT_PREFIX}${encodeURIComponent(targetId)}/`;
}
