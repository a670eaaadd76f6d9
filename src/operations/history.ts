/**
 * A user's Unlock history, a page at a time, as an operator reads it: one line per action (an
 * attempt and its result are one line), newest first. Refusals of people who are not operators are
 * summed up per person ("3 refused attempts by Jānis Ozols"), so clicks by someone who may not act
 * cannot push real actions off the page; the filter `refused` shows the refusals only.
 */
import type { AuditActor, AuditRecord } from '../domain/audit';
import { AttemptFolder } from '../domain/auditActions';
import type { AuditPage, AuditPageRequest } from './ports';

export type HistoryFilter = 'all' | 'refused';

export type HistoryLine =
  | { readonly kind: 'action'; readonly record: AuditRecord }
  /** Refusals of one person who is not an operator: `latest` and `earliest` of those on this page. */
  | { readonly kind: 'refusedAttempts'; readonly actor: AuditActor; readonly count: number; readonly latest: string; readonly earliest: string };

/** Where the next page starts. Plain data, kept in the dialog's state between turns. */
export interface HistoryCursor {
  readonly filter: HistoryFilter;
  /** Records read from the audit log and not shown yet, newest first (fewer than one read). */
  readonly unread: readonly AuditRecord[];
  /** The audit log's own continuation; absent when nothing older is left to read. */
  readonly continuation?: string;
  /** Results whose attempt is still to come (see `AttemptFolder`). */
  readonly waiting: readonly string[];
  /** False for the first page: the newest records are read without a continuation. */
  readonly started: boolean;
}

export interface HistoryPage {
  readonly lines: readonly HistoryLine[];
  /** Where the next page starts; absent when this page showed everything left. */
  readonly next?: HistoryCursor;
}

export interface HistoryPaging {
  /** Lines on one page: as many as fit on one card and still read well. */
  readonly lines: number;
  /** Records asked of the audit log at a time. */
  readonly readSize: number;
  /**
   * Reads for one page at most: a turn must answer within seconds, so a page with fewer lines and
   * "more" beats a page that never comes when someone clicked a thousand times.
   */
  readonly maxReads: number;
}

export const HISTORY_PAGING: HistoryPaging = { lines: 10, readSize: 25, maxReads: 8 };

export function firstPage(filter: HistoryFilter): HistoryCursor {
  return { filter, unread: [], waiting: [], started: false };
}

type ReadAuditPage = (request: AuditPageRequest) => Promise<AuditPage>;

/** One page of lines from `cursor` on, reading the audit log as far as the page needs and no further. */
export async function readHistoryPage(read: ReadAuditPage, cursor: HistoryCursor, paging: HistoryPaging = HISTORY_PAGING): Promise<HistoryPage> {
  const folder = new AttemptFolder(cursor.waiting);
  const lines: HistoryLine[] = [];
  // Per person who is not an operator: the index of their summary line on this page.
  const summaries = new Map<string, number>();
  const unread = [...cursor.unread];
  let continuation = cursor.continuation;
  let leftToRead = cursor.started ? continuation !== undefined : true;
  let reads = 0;

  for (;;) {
    const record = unread[0];
    if (record === undefined) {
      if (!leftToRead || reads >= paging.maxReads) break;
      const page = await read({ limit: paging.readSize, ...(continuation !== undefined ? { continuation } : {}) });
      reads += 1;
      unread.push(...page.records);
      continuation = page.continuation;
      leftToRead = continuation !== undefined;
      continue;
    }
    const shown = folder.stands(record) && shownIn(cursor.filter, record);
    const summary = shown && byNonOperator(record) ? summaries.get(record.actor.aadObjectId) : undefined;
    const newLine = shown && summary === undefined;
    if (newLine && lines.length >= paging.lines) break;
    unread.shift();
    folder.take(record);
    if (!shown) continue;
    if (summary !== undefined) {
      const line = lines[summary];
      if (line?.kind === 'refusedAttempts') lines[summary] = { ...line, count: line.count + 1, earliest: record.at };
    } else if (byNonOperator(record)) {
      summaries.set(record.actor.aadObjectId, lines.length);
      lines.push({ kind: 'refusedAttempts', actor: record.actor, count: 1, latest: record.at, earliest: record.at });
    } else {
      lines.push({ kind: 'action', record });
    }
  }

  const more = unread.length > 0 || leftToRead;
  return {
    lines,
    ...(more
      ? { next: { filter: cursor.filter, unread, ...(continuation !== undefined ? { continuation } : {}), waiting: folder.carried(), started: true } }
      : {}),
  };
}

function shownIn(filter: HistoryFilter, record: AuditRecord): boolean {
  return filter === 'all' || record.outcome.kind === 'refused';
}

/** Refused because the person is not an operator: the audit trail's own word for it. */
function byNonOperator(record: AuditRecord): boolean {
  return record.outcome.kind === 'refused' && record.outcome.reason === 'notOperator';
}
