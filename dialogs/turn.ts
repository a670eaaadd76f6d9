/** What the dialogs and the router read from a turn: who acts, where, and in which language. */
import type { TurnContext } from 'botbuilder';
import { localeFrom, type Locale } from '../src/i18n/catalogue';
import type { CardView } from '../cards';
import type { Actor, Place } from '../src/domain/actor';

/**
 * The person who sent this activity, as Teams vouches for it. Authorisation uses only this,
 * never anything inside card data. https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/get-teams-context
 */
export function actorOf(context: TurnContext): Actor | undefined {
  const from = context.activity.from;
  if (!from?.aadObjectId) {
    return undefined;
  }
  return { aadObjectId: from.aadObjectId, ...(from.name ? { name: from.name } : {}) };
}

const LANGUAGE_OVERRIDE = Symbol('unlock.languageOverride');

/** A language the user chose with "language lv|en"; it wins over the Teams locale for this turn. */
export function setLanguageOverride(context: TurnContext, locale: Locale | undefined): void {
  context.turnState.set(LANGUAGE_OVERRIDE, locale);
}

/**
 * The reader's language and time zone. Teams sends the time zone as the activity's `localTimezone`
 * (an IANA name such as "Europe/Riga") and in the `clientInfo` entity; times are shown in it, in UTC
 * (said so) without one. An unknown name is ignored when formatting (`formatDateTime`).
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference#activity-object
 */
export function viewOf(context: TurnContext): CardView {
  const override = context.turnState.get(LANGUAGE_OVERRIDE) as Locale | undefined;
  const clientInfo = context.activity.entities?.find((entity) => entity.type === 'clientInfo') as
    | { timezone?: unknown }
    | undefined;
  const local: unknown = context.activity.localTimezone;
  const timeZone = typeof local === 'string' && local !== '' ? local : typeof clientInfo?.timezone === 'string' ? clientInfo.timezone : undefined;
  return { locale: override ?? localeFrom(context.activity.locale), ...(timeZone ? { timeZone } : {}), ...sharedView(context) };
}

/**
 * A card posted in a channel is read by everyone there: the read-only view, refreshed to the one with
 * buttons for the person it answers (an operator: nobody else is shown a findings card). An
 * operator's own view is asked for explicitly (`ChannelCards.operatorView`).
 */
function sharedView(context: TurnContext): Pick<CardView, 'shared'> {
  if (context.activity.conversation?.conversationType !== 'channel') return {};
  const asker = context.activity.from?.id;
  return { shared: { refreshFor: asker ? [asker] : [], withActions: false } };
}

/** Where the activity happened, for the audit trail. */
export function placeOf(context: TurnContext): Place {
  const channelData = context.activity.channelData as { channel?: { id?: unknown }; team?: { id?: unknown } } | undefined;
  const channelId = typeof channelData?.channel?.id === 'string' ? channelData.channel.id : undefined;
  const teamId = typeof channelData?.team?.id === 'string' ? channelData.team.id : undefined;
  const conversationType = context.activity.conversation?.conversationType;
  return {
    conversationId: context.activity.conversation?.id ?? '',
    ...(conversationType ? { conversationType } : {}),
    ...(channelId ? { channelId } : {}),
    ...(teamId ? { teamId } : {}),
  };
}
