/**
 * The audit trail as people read it: one entry per action. A change is recorded twice with the same
 * `actionId`, `attempted` before the write and its result after, so the result stands for both. An
 * attempt with no result recorded (the process stopped in the middle of the write) stands alone and
 * says so. Records arrive newest first, a page at a time, so what pairs them is carried across pages.
 */
import type { AuditRecord } from './audit';

/** A result that closes the attempt recorded just before it: the write's outcome, or the step refusing itself. */
function closesAnAttempt(record: AuditRecord): boolean {
  const { outcome } = record;
  return outcome.kind === 'succeeded' || outcome.kind === 'failed' || (outcome.kind === 'refused' && outcome.reason === 'cannotRun');
}

/**
 * Results still waiting for their attempt on an older page. A result recorded without an attempt
 * (a step refused before the write) never meets one, so the oldest of these are let go.
 */
const MAX_WAITING = 50;

/** Pairs each result with its attempt, newest first, across as many pages as it is given. */
export class AttemptFolder {
  private readonly waiting: string[];

  /** `waiting`: what `carried` answered after the previous page, if this continues one. */
  constructor(waiting: readonly string[] = []) {
    this.waiting = [...waiting];
  }

  /** Whether this record is an entry of its own; does not change anything (`take` does). */
  stands(record: AuditRecord): boolean {
    return record.outcome.kind !== 'attempted' || !this.waiting.includes(record.actionId);
  }

  /** The record as an entry, or undefined for an attempt whose result was already given. */
  take(record: AuditRecord): AuditRecord | undefined {
    if (record.outcome.kind === 'attempted') {
      const index = this.waiting.indexOf(record.actionId);
      if (index === -1) return record;
      this.waiting.splice(index, 1);
      return undefined;
    }
    if (closesAnAttempt(record)) {
      this.waiting.push(record.actionId);
      if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    }
    return record;
  }

  /** What the next page needs to go on pairing; plain data. */
  carried(): readonly string[] {
    return [...this.waiting];
  }
}

/** One entry per action, newest first, for records read in one go. */
export function oneEntryPerAction(records: readonly AuditRecord[]): AuditRecord[] {
  const folder = new AttemptFolder();
  return records.flatMap((record) => {
    const entry = folder.take(record);
    return entry ? [entry] : [];
  });
}
