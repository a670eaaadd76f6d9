/** How a change to the tenant ended, in domain terms: no HTTP status goes past the adapters. */
import type { UnavailableCause } from './account';

/**
 * `rejected`: Graph understood the request and refused it (400), e.g. an on-premises mastered user.
 * `noAnswer`: no answer came (timeout, connection lost), so the change may or may not have been made.
 */
export type WriteFailureCause = UnavailableCause | 'rejected' | 'noAnswer';

export type WriteOutcome =
  | { readonly kind: 'done'; readonly requestId?: string }
  | { readonly kind: 'failed'; readonly cause: WriteFailureCause; readonly code?: string; readonly requestId?: string };
