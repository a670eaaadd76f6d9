/**
 * How the person asking was verified, as the audit record of a write keeps it (`verifiedBy`,
 * `answeredInTeams`), in words for the lines that read the trail back: `history <user>` and the
 * hand-over summary. Who answered Yes or No in Teams is named: that is what a reviewer checks first.
 */
import type { AuditRecord } from '../domain/audit';
import { text, type Text } from '../i18n/text';
import { VERIFICATION_METHODS, type VerificationMethod } from './step';

const METHOD: Readonly<Record<Exclude<VerificationMethod, 'userInTeams' | 'managerInTeams'>, Text>> = {
  calledBack: text('history.verified.calledBack'),
  inPerson: text('history.verified.inPerson'),
  manager: text('history.verified.manager'),
};

/** "verified: called back on a directory number", "No from Anna Bērziņa in Teams"; none for a record without either. */
export function verificationText(record: AuditRecord): Text | undefined {
  const { verifiedBy, answeredInTeams } = record;
  if (answeredInTeams?.answer === 'no') return text('history.deniedBy', { name: answeredInTeams.name });
  if (answeredInTeams) {
    const key = verifiedBy === 'managerInTeams' ? 'history.verified.managerSaidYes' : 'history.verified.userSaidYes';
    return text(key, { name: answeredInTeams.name });
  }
  if (!verifiedBy || !(VERIFICATION_METHODS as readonly string[]).includes(verifiedBy)) return undefined;
  if (verifiedBy === 'userInTeams' || verifiedBy === 'managerInTeams') return text('history.verified.askedInTeams');
  return METHOD[verifiedBy as keyof typeof METHOD];
}

/** A line's outcome with how the caller was verified after it, when the record says. */
export function withVerification(outcome: Text, record: AuditRecord): Text {
  const how = verificationText(record);
  return how ? text('history.outcomeVerified', { outcome, how }) : outcome;
}
