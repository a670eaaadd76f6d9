/**
 * The help-request card posted to the help channel, and the lines of `requests`. It says who asked
 * (as Teams identified them), for whom (marked when it is someone else: that is how helpdesk
 * impostors ask), what they wrote and where the request stands; never anything about an account.
 * Take and Resolve carry only the request's id; who may click them is checked at the click.
 */
import type { Attachment } from 'botbuilder';
import type { HelpRequest } from '../src/domain/helpRequest';
import { text, type Text } from '../src/i18n/text';
import { messageCard, VERBS, type CardView } from './index';

export function helpRequestCard(request: HelpRequest, view: CardView, note?: Text): Attachment {
  const buttons = [
    ...(request.status === 'open' ? [{ title: text('helpRequest.button.take'), action: { verb: VERBS.takeRequest, requestId: request.id } }] : []),
    ...(request.status !== 'resolved' ? [{ title: text('helpRequest.button.resolve'), action: { verb: VERBS.resolveRequest, requestId: request.id } }] : []),
  ];
  return messageCard(
    {
      heading: text('helpRequest.card.heading', { name: request.requester.name }),
      paragraphs: [
        text('helpRequest.card.askedBy', { name: request.requester.name, time: request.createdAt }),
        forWhom(request),
        text('helpRequest.card.wrote', { text: request.wrote }),
        text('helpRequest.card.status', { status: statusText(request) }),
        ...(note ? [note] : []),
      ],
      buttons,
    },
    view,
  );
}

/** "open", "taken by Adele Vance at …", "resolved by …". */
export function statusText(request: HelpRequest): Text {
  if (request.status === 'resolved' && request.resolvedBy) {
    return text('helpRequest.status.resolved', { name: request.resolvedBy.by.name, time: request.resolvedBy.at });
  }
  if (request.status === 'taken' && request.takenBy) {
    return text('helpRequest.status.taken', { name: request.takenBy.by.name, time: request.takenBy.at });
  }
  return text('helpRequest.status.open');
}

function forWhom(request: HelpRequest): Text {
  const { requestedFor, requester } = request;
  if (requestedFor.kind === 'self') return text('helpRequest.card.forSelf');
  return requestedFor.name
    ? text('helpRequest.card.forColleague', { name: requestedFor.name, requester: requester.name })
    : text('helpRequest.card.forUnnamedColleague', { requester: requester.name });
}

/** `requests`: one line per request, open ones first (the order is the operation's). */
export function helpRequestListCard(requests: readonly HelpRequest[], view: CardView): Attachment {
  if (requests.length === 0) {
    return messageCard({ heading: text('helpRequest.list.heading'), paragraphs: [text('helpRequest.list.none')] }, view);
  }
  return messageCard(
    {
      heading: text('helpRequest.list.heading'),
      paragraphs: requests.map((request) =>
        text('helpRequest.list.line', {
          status: statusText(request),
          requester: request.requester.name,
          forWhom:
            request.requestedFor.kind === 'self'
              ? text('helpRequest.list.self')
              : request.requestedFor.name
                ? text('helpRequest.list.colleague', { name: request.requestedFor.name })
                : text('helpRequest.list.unnamedColleague'),
          time: request.createdAt,
          text: shorten(request.wrote),
        }),
      ),
    },
    view,
  );
}

function shorten(wrote: string): string {
  return wrote.length > 80 ? `${wrote.slice(0, 79)}…` : wrote;
}
