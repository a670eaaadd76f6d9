/**
 * Who in the tenant is eligible for which directory role through PIM, kept for a few minutes. Graph
 * filters eligibility by `principalId` only, and a diagnosis by address does not know the object id
 * until its one round trip answers; the roster rides in that round trip when it is stale, so the card
 * can show an eligible administrator as protected without a second request. It only shapes what a card
 * offers: before any write the step runner reads eligibility again by object id.
 * https://learn.microsoft.com/en-us/graph/api/rbacapplication-list-roleeligibilityscheduleinstances
 */
import type { DirectoryRoleMembership } from '../../domain/account';

/** A newly eligible administrator shows on cards within this time (and is refused at any click at once). */
export const ELIGIBILITY_ROSTER_SECONDS = 300;

export class EligibilityRoster {
  private roster: { readonly byPrincipal: ReadonlyMap<string, DirectoryRoleMembership[]>; readonly until: number } | undefined;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly seconds: number = ELIGIBILITY_ROSTER_SECONDS,
  ) {}

  /** The roles this principal may activate, or undefined when the roster is stale or was never read. */
  rolesOf(principalId: string): DirectoryRoleMembership[] | undefined {
    if (!this.roster || this.roster.until <= this.now()) {
      return undefined;
    }
    return this.roster.byPrincipal.get(principalId.toLowerCase()) ?? [];
  }

  isFresh(): boolean {
    return this.roster !== undefined && this.roster.until > this.now();
  }

  remember(byPrincipal: ReadonlyMap<string, DirectoryRoleMembership[]>): void {
    this.roster = { byPrincipal, until: this.now() + this.seconds * 1000 };
  }
}
