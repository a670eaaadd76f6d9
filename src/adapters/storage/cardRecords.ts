/** The records behind the bot's cards. */
import type { UserSummary } from '../../domain/account';
import type { Diagnosis } from '../../domain/diagnosis';
import type { RecordStore } from './recordStore';

/** What a findings card showed and offered; a button may only act on this target and these steps. */
export interface CardOffer {
  readonly target: UserSummary;
  readonly diagnosis: Diagnosis;
  readonly checkedAt: string;
  readonly conversationId: string;
  /** The `aadObjectId` of the person the card was made for; for the record, not for authorisation. */
  readonly requestedBy: string;
}

/** The people a choice card listed, in order; a click names an index into this list. */
export interface UserChoice {
  readonly query: string;
  readonly candidates: readonly UserSummary[];
}

export type OfferStore = RecordStore<CardOffer>;
export type ChoiceStore = RecordStore<UserChoice>;
