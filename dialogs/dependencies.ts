/** What the dialogs need, passed in by the composition root. */
import type { DirectoryService } from '../src/adapters/graph/directoryService';
import type { OperatorDirectory } from '../src/adapters/graph/operatorDirectory';
import type { RemediationService } from '../src/operations/runStep';
import type { ChoiceStore, OfferStore } from '../src/adapters/storage/cardRecords';
import type { AuditLog } from '../src/domain/audit';

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
