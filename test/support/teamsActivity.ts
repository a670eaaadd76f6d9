/** Activities shaped as Microsoft Teams posts them to a bot's messaging endpoint. */
import { randomUUID } from 'node:crypto';
import { SEEDED } from '../../src/simulator/seeded';
import type { Person } from './botHarness';

export interface TeamsConversation {
  readonly id: string;
  readonly type: 'personal' | 'channel' | 'groupChat';
}

function base(serviceUrl: string, from: Person, conversation: TeamsConversation, tenantId: string) {
  return {
    id: randomUUID(),
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    locale: 'en-US',
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    recipient: { id: '28:unlock-bot', name: 'Unlock' },
    conversation: { id: conversation.id, conversationType: conversation.type, tenantId },
    channelData: { tenant: { id: tenantId } },
    entities: [{ type: 'clientInfo', locale: 'en-US', timezone: 'Europe/Riga' }],
  };
}

export function teamsMessage(
  serviceUrl: string,
  from: Person,
  conversation: TeamsConversation,
  text: string,
  tenantId: string = SEEDED.tenantId,
) {
  return { ...base(serviceUrl, from, conversation, tenantId), type: 'message', text };
}

export function teamsCardAction(
  serviceUrl: string,
  from: Person,
  conversation: TeamsConversation,
  action: { verb: string; data: Record<string, unknown> },
  tenantId: string = SEEDED.tenantId,
) {
  return {
    ...base(serviceUrl, from, conversation, tenantId),
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb: action.verb, data: action.data }, trigger: 'manual' },
  };
}

/** The app installed in a conversation (`add`), or upgraded there (`add-upgrade`), as Teams reports it. */
export function teamsInstallation(
  serviceUrl: string,
  from: Person,
  conversation: TeamsConversation,
  action: 'add' | 'add-upgrade' | 'remove' = 'add',
  tenantId: string = SEEDED.tenantId,
) {
  return { ...base(serviceUrl, from, conversation, tenantId), type: 'installationUpdate', action };
}
