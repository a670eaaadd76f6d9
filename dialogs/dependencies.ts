/** What the dialogs need, passed in by the composition root. */
import type { DirectoryService } from '../src/directory/directoryService';
import type { OperatorDirectory } from '../src/access/operatorDirectory';
import type { RemediationService } from '../src/remediation/remediationService';
import type { ChoiceStore, OfferStore } from '../src/storage/cardRecords';
import type { AuditLog } from '../src/audit/auditLog';

export interface DialogDependencies {
  readonly directory: DirectoryService;
  readonly operators: OperatorDirectory;
  readonly remediation: RemediationService;
  readonly audit: AuditLog;
  readonly offers: OfferStore;
  readonly choices: ChoiceStore;
  /** Teams channel ids where account details may be shown to the helpdesk team. */
  readonly helpdeskChannelIds: readonly string[];
}
