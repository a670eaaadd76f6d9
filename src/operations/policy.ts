/**
 * Where account details may be shown. A 1:1 chat is seen by the operator alone; a helpdesk channel
 * (configured by its id) by the helpdesk team. Anywhere else — other channels, group chats with
 * colleagues — Unlock gives help only: a findings card names forwarding addresses, risk and who
 * did what, which the people there have no business seeing.
 */
import type { AuditPlace } from '../domain/audit';

export type Surface = 'personal' | 'helpdeskChannel' | 'elsewhere';

export function surfaceOf(place: AuditPlace, helpdeskChannelIds: readonly string[]): Surface {
  if (place.conversationType === 'personal') {
    return 'personal';
  }
  if (place.conversationType === 'channel' && place.channelId !== undefined && helpdeskChannelIds.includes(place.channelId)) {
    return 'helpdeskChannel';
  }
  return 'elsewhere';
}

export function showsAccountDetails(surface: Surface): boolean {
  return surface !== 'elsewhere';
}
