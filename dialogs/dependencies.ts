/** What the dialogs need, passed in by the composition root: the account use cases, nothing lower. */
import type { AccountChecks } from '../src/operations/checkAccount';

export interface DialogDependencies {
  readonly accounts: AccountChecks;
}
