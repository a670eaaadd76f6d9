/**
 * The history as an operator reads it, page by page, on the memory audit log the bot itself uses:
 * one line per action however the records fall across reads, nothing shown twice or lost between
 * pages, refusals of people who are not operators summed up per person, and the refusals filter.
 */
import { MemoryStorage } from 'botbuilder';
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import type { AuditOutcome, AuditRecord } from '../../src/domain/audit';
import { AttemptFolder, oneEntryPerAction } from '../../src/domain/auditActions';
import { firstPage, readHistoryPage, type HistoryCursor, type HistoryFilter, type HistoryLine } from '../../src/operations/history';
import type { AuditPageRequest } from '../../src/operations/ports';
import { parseCommand } from '../../src/teams/router';
import { asksForMore } from '../../dialogs/historyDialog';

const target = { id: 'target-1', userPrincipalName: 'marta.berzina@contoso.com', displayName: 'Marta Bērziņa' };
const operator = { aadObjectId: 'op-1', name: 'Alex Wilber' };
const stranger = { aadObjectId: 'user-2', name: 'Jānis Ozols' };

let clock = Date.UTC(2026, 10, 20, 8, 0, 0);
function record(actionId: string, outcome: AuditOutcome, actor = operator, step = 'revokeSessions'): AuditRecord {
  clock += 1000;
  return { at: new Date(clock).toISOString(), actionId, actor, place: { conversationId: 'c' }, target, step, outcome };
}

/** A done action: its attempt, then its result. */
function done(actionId: string, step?: string): AuditRecord[] {
  return [record(actionId, { kind: 'attempted' }, operator, step), record(actionId, { kind: 'succeeded', requestId: `rq-${actionId}` }, operator, step)];
}

function refusedByStranger(actionId: string): AuditRecord {
  return record(actionId, { kind: 'refused', reason: 'notOperator' }, stranger, 'handOver');
}

async function logOf(records: readonly AuditRecord[]): Promise<StorageAuditLog> {
  const log = new StorageAuditLog(new MemoryStorage());
  for (const entry of records) await log.append(entry);
  return log;
}

/** Every page from the first, as the dialog reads them on "more". */
async function allPages(log: StorageAuditLog, filter: HistoryFilter = 'all', paging = { lines: 10, readSize: 7, maxReads: 8 }): Promise<HistoryLine[][]> {
  const pages: HistoryLine[][] = [];
  let cursor: HistoryCursor | undefined = firstPage(filter);
  while (cursor) {
    // Through JSON, as the dialog's state keeps it between turns.
    const page = await readHistoryPage((request: AuditPageRequest) => log.forTarget(target.id, request), JSON.parse(JSON.stringify(cursor)) as HistoryCursor, paging);
    pages.push([...page.lines]);
    cursor = page.next;
    if (pages.length > 50) throw new Error('no end of pages');
  }
  return pages;
}

const described = (line: HistoryLine): string =>
  line.kind === 'action' ? `${line.record.actionId}:${line.record.outcome.kind}` : `${line.actor.name ?? ''}×${line.count}`;

describe('one line per action', () => {
  it('an attempt and its result are one line, the result; an attempt with no result stands alone', () => {
    const records = [...done('a'), record('b', { kind: 'attempted' }), record('c', { kind: 'failed', cause: 'permission', code: 'Authorization_RequestDenied' })];
    // `c` failed without an attempt recorded (not our code's way, but the trail is read as it is).
    expect(oneEntryPerAction([...records].reverse()).map((entry) => `${entry.actionId}:${entry.outcome.kind}`)).toEqual(['c:failed', 'b:attempted', 'a:succeeded']);
  });

  it('a retry on the same card pairs each result with its own attempt', () => {
    const records = [record('x', { kind: 'attempted' }), record('x', { kind: 'failed', cause: 'outage' }), record('x', { kind: 'refused', reason: 'alreadyClaimed' }), ...done('x')];
    expect(oneEntryPerAction([...records].reverse()).map((entry) => entry.outcome.kind)).toEqual(['succeeded', 'refused', 'failed']);
  });

  it('a step that refused itself after the attempt closes it', () => {
    const records = [record('t', { kind: 'attempted' }, operator, 'temporaryAccessPass'), record('t', { kind: 'refused', reason: 'cannotRun' }, operator, 'temporaryAccessPass')];
    expect(oneEntryPerAction([...records].reverse()).map((entry) => entry.outcome.kind)).toEqual(['refused']);
  });

  it('carries what is still to pair as plain data', () => {
    const folder = new AttemptFolder();
    folder.take(record('p', { kind: 'succeeded' }));
    const next = new AttemptFolder(JSON.parse(JSON.stringify(folder.carried())) as string[]);
    expect(next.stands(record('p', { kind: 'attempted' }))).toBe(false);
  });
});

describe('pages', () => {
  it('ten lines a page, newest first, every action once, however the pairs fall across reads', async () => {
    const records = Array.from({ length: 25 }, (_, i) => done(`action-${String(i).padStart(2, '0')}`)).flat();
    const pages = await allPages(await logOf(records));
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    const lines = pages.flat().map(described);
    expect(lines).toEqual(Array.from({ length: 25 }, (_, i) => `action-${String(24 - i).padStart(2, '0')}:succeeded`));
  });

  it('a page that ends exactly at the end of the trail offers no more', async () => {
    const pages = await allPages(await logOf(Array.from({ length: 10 }, (_, i) => done(`a${i}`)).flat()), 'all', { lines: 10, readSize: 20, maxReads: 8 });
    expect(pages.map((page) => page.length)).toEqual([10]);
  });

  it("a non-operator's refusals are one line per person, so they cannot push real actions off the page", async () => {
    const records = [
      ...done('early'),
      ...Array.from({ length: 40 }, (_, i) => refusedByStranger(`spam-${i}`)),
      ...done('late'),
      record('own', { kind: 'refused', reason: 'staleCard' }),
    ];
    const [first, ...rest] = await allPages(await logOf(records), 'all', { lines: 10, readSize: 10, maxReads: 8 });
    expect(first?.map(described)).toEqual(['own:refused', 'late:succeeded', 'Jānis Ozols×40', 'early:succeeded']);
    expect(rest).toEqual([]);
    const summary = first?.find((line) => line.kind === 'refusedAttempts');
    expect(summary).toMatchObject({ latest: records[41]?.at, earliest: records[2]?.at });
  });

  it('stops reading when a page would take too long, and goes on from there on "more"', async () => {
    const records = [...done('oldest'), ...Array.from({ length: 30 }, (_, i) => record(`s${i}`, { kind: 'succeeded' }, operator, 'handOver'))];
    // Only the refusals: 30 records with none, read 5 at a time, at most 2 reads a page.
    const pages = await allPages(await logOf(records), 'refused', { lines: 10, readSize: 5, maxReads: 2 });
    expect(pages.every((page) => page.length === 0)).toBe(true);
    expect(pages.length).toBeGreaterThan(1);
  });

  it('the refusals filter shows refusals only, with the summaries', async () => {
    const records = [...done('a'), refusedByStranger('r1'), record('b', { kind: 'refused', reason: 'alreadyClaimed' }), refusedByStranger('r2'), ...done('c')];
    const pages = await allPages(await logOf(records), 'refused');
    expect(pages.flat().map(described)).toEqual(['Jānis Ozols×2', 'b:refused']);
  });
});

describe('the words that ask for it', () => {
  it.each([
    ['history anna@contoso.com', { kind: 'history', query: 'anna@contoso.com' }],
    ['history anna@contoso.com refused', { kind: 'history', query: 'anna@contoso.com', refusals: true }],
    ['History Anna Bērziņa refusals', { kind: 'history', query: 'Anna Bērziņa', refusals: true }],
    ['vēsture anna.berzina@contoso.com atteikumi', { kind: 'history', query: 'anna.berzina@contoso.com', refusals: true }],
    ['vesture Bērziņa', { kind: 'history', query: 'Bērziņa' }],
    ['history refused', { kind: 'history', refusals: true }],
    ['history', { kind: 'history' }],
  ])('%s', (typed, command) => {
    expect(parseCommand(typed)).toEqual(command);
  });

  it.each([
    ['more', true],
    ['More.', true],
    [' vairāk ', true],
    ['vairak', true],
    ['more please', false],
    ['history more', false],
    [undefined, false],
  ])('"%s" asks for more: %s', (typed, asks) => {
    expect(asksForMore(typed)).toBe(asks);
  });
});
