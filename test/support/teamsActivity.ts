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

/** A team's channel, as Teams names it in `channelData` and in the conversation id of its threads. */
export interface TeamsChannel {
  readonly teamId: string;
  readonly channelId: string;
}

/** The conversation of one thread of a channel: `19:…@thread.tacv2;messageid=<the thread's first message>`. */
export function channelThread(channel: TeamsChannel, threadId: string): TeamsConversation {
  return { id: `${channel.channelId};messageid=${threadId}`, type: 'channel' };
}

function inChannel<T extends { channelData: object }>(activity: T, channel: TeamsChannel): T {
  return { ...activity, channelData: { ...activity.channelData, team: { id: channel.teamId }, channel: { id: channel.channelId } } };
}

/** "@Unlock …" in a channel thread: the mention as Teams sends it, in the text and as an entity. */
export function teamsChannelMessage(
  serviceUrl: string,
  from: Person,
  channel: TeamsChannel,
  threadId: string,
  text: string,
  options: { locale?: string; tenantId?: string } = {},
) {
  const message = teamsMessage(serviceUrl, from, channelThread(channel, threadId), `<at>Unlock</at> ${text}`, options.tenantId);
  return inChannel(
    {
      ...message,
      ...(options.locale ? { locale: options.locale } : {}),
      conversation: { ...message.conversation, isGroup: true },
      entities: [...message.entities, { type: 'mention', text: '<at>Unlock</at>', mentioned: { id: '28:unlock-bot', name: 'Unlock' } }],
    },
    channel,
  );
}

/**
 * A click on a card in a channel thread. `replyToId` is the id of the message that holds the card, as
 * Teams sends it with every `adaptiveCard/action`; `trigger: 'automatic'` is Teams running the card's `refresh`.
 */
export function teamsChannelCardAction(
  serviceUrl: string,
  from: Person,
  channel: TeamsChannel,
  threadId: string,
  action: { verb: string; data: Record<string, unknown> },
  options: { replyToId?: string; trigger?: 'manual' | 'automatic' } = {},
) {
  const click = teamsCardAction(serviceUrl, from, channelThread(channel, threadId), action);
  return inChannel(
    {
      ...click,
      conversation: { ...click.conversation, isGroup: true },
      ...(options.replyToId ? { replyToId: options.replyToId } : {}),
      ...(options.trigger ? { value: { ...click.value, trigger: options.trigger } } : {}),
    },
    channel,
  );
}
