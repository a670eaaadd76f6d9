/**
 * The help-request card posted to the help channel, and the lines of `requests`. It says who asked
 * (as Teams identified them), for whom (marked when it is someone else: that is how helpdesk
 * impostors ask), what they wrote and where the request stands; never anything about an account.
 * Its buttons carry only the request's id; who may click them is checked at the click, and Check account
 * reads whose account from the stored request, never from the card.
 */
import type { Attachment } from 'botbuilder';
import type { HelpRequest, PersonRef } from '../src/domain/helpRequest';
import { render } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import { stepLabel } from '../src/steps/registry';
import { isReadOnly, messageCard, VERBS, withRefresh, type CardView } from './index';

/** What the clicker's own copy of the card asks for, under the request: Resolve's note or Assign's choice. */
export type HelpRequestForm = { readonly kind: 'resolve' } | { readonly kind: 'assign'; readonly members: readonly PersonRef[] };

export interface HelpRequestCardOptions {
  /** A line for the person who clicked ("Nothing changed: …"). */
  readonly note?: Text;
  readonly form?: HelpRequestForm;
  /** Posted again as a reminder: nobody took it for this many minutes. */
  readonly reminderMinutes?: number;
}

/** The element ids of the card's inputs; Teams merges their values into the button's data under these names. */
export const NOTE_INPUT = 'note';
export const ASSIGNEE_INPUT = 'assigneeId';

/**
 * The request and where it stands. Posted to the help channel (and every edit of it) it is the
 * read-only view everyone there sees, with Show actions and a `refresh` for the operators known for
 * the request while it is open; an operator's own view (the answer to their click or refresh) has
 * Take, Assign to …, Check account and Resolve while it is open (Take only until someone has it),
 * and "Chat with …", a 1:1 chat with the asker (Teams' deep link takes a UPN only).
 * https://learn.microsoft.com/en-us/microsoftteams/platform/concepts/build-and-test/deep-link-teams
 */
export function helpRequestCard(request: HelpRequest, view: CardView, options: HelpRequestCardOptions | Text = {}): Attachment {
  const { note, form, reminderMinutes } = 'key' in options ? { note: options as Text, form: undefined, reminderMinutes: undefined } : options;
  const open = request.status === 'open' || request.status === 'taken';
  const requestId = request.id;
  const readOnly = isReadOnly(view);
  const showActions = { verb: VERBS.showRequestActions, requestId } as const;
  const buttons = readOnly
    ? open
      ? [{ title: text('card.button.showActions'), action: showActions }]
      : []
    : [
    ...(request.status === 'open' ? [{ title: text('helpRequest.button.take'), action: { verb: VERBS.takeRequest, requestId } }] : []),
    ...(open ? [{ title: text('helpRequest.button.assign'), action: { verb: VERBS.assignRequest, requestId } }] : []),
    ...(open ? [{ title: text('helpRequest.button.checkAccount'), action: { verb: VERBS.checkRequest, requestId } }] : []),
    ...(open && form?.kind !== 'resolve' ? [{ title: text('helpRequest.button.resolve'), action: { verb: VERBS.resolveRequest, requestId } }] : []),
  ];
  const card = messageCard(
    {
      heading: text('helpRequest.card.heading', { name: request.requester.name }),
      paragraphs: [
        ...(reminderMinutes !== undefined ? [text('helpRequest.card.reminder', { minutes: reminderMinutes })] : []),
        text('helpRequest.card.askedBy', { name: request.requester.name, time: request.createdAt }),
        forWhom(request),
        text('helpRequest.card.wrote', { text: request.wrote }),
        text('helpRequest.card.status', { status: statusText(request) }),
        ...(request.assigned ? [text('helpRequest.card.assigned', { name: request.assigned.to.name, by: request.assigned.by.name, time: request.assigned.at })] : []),
        ...resolutionLines(request, view),
        ...(request.requesterNotNotifiedAt ? [text('helpRequest.card.requesterNotNotified', { name: request.requester.name })] : []),
        ...(note ? [note] : []),
      ],
      buttons,
    },
    view,
  );
  const content = card.content as AdaptiveCardJson;
  if (open && form && !readOnly) addForm(content, request, form, view);
  if (request.requesterUpn) {
    content.actions.push({
      type: 'Action.OpenUrl',
      title: render(view.locale, text('helpRequest.button.chat', { name: request.requester.name }), view),
      url: chatLink(request.requesterUpn),
    });
  }
  // A closed request has nothing to act on: no operator's view to refresh to.
  return view.shared && open ? withRefresh(card, showActions, { ...view, shared: view.shared }) : card;
}

/** Teams' deep link to a 1:1 chat with one person. */
export function chatLink(userPrincipalName: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(userPrincipalName)}`;
}

/** The note and the audit trail's steps, once resolved. */
function resolutionLines(request: HelpRequest, view: CardView): Text[] {
  const { resolution, resolvedBy } = request;
  if (request.status !== 'resolved' || !resolution || !resolvedBy) return [];
  return [
    text('helpRequest.card.note', { name: resolvedBy.by.name, note: resolution.note }),
    resolution.steps.length > 0 ? text('helpRequest.card.steps', { steps: stepsText(resolution.steps, view) }) : text('helpRequest.card.noSteps'),
  ];
}

/** "Allow sign-in (Alex Wilber, 1.12.2026 07:10), Revoke sessions (…)". */
export function stepsText(steps: NonNullable<HelpRequest['resolution']>['steps'], view: CardView): string {
  return steps
    .map((step) => {
      const label = stepLabel({ id: step.step });
      return render(view.locale, text('helpRequest.step', { step: label, name: step.by, time: step.at }), view);
    })
    .join(', ');
}

interface AdaptiveCardJson {
  body: Record<string, unknown>[];
  actions: Record<string, unknown>[];
}

function addForm(content: AdaptiveCardJson, request: HelpRequest, form: HelpRequestForm, view: CardView): void {
  const t = (value: Text): string => render(view.locale, value, view);
  if (form.kind === 'resolve') {
    content.body.push({
      type: 'Input.Text',
      id: NOTE_INPUT,
      label: t(text('helpRequest.resolve.noteLabel')),
      isMultiline: true,
      maxLength: 500,
      isRequired: true,
      errorMessage: t(text('helpRequest.resolve.noteNeeded')),
    });
    content.actions.push({
      type: 'Action.Execute',
      title: t(text('helpRequest.button.resolveWithNote')),
      verb: VERBS.resolveRequest,
      data: { requestId: request.id },
      style: 'positive',
    });
    return;
  }
  if (form.members.length === 0) {
    content.body.push({ type: 'TextBlock', text: t(text('helpRequest.assign.noMembers')), wrap: true });
    return;
  }
  content.body.push({
    type: 'Input.ChoiceSet',
    id: ASSIGNEE_INPUT,
    label: t(text('helpRequest.assign.label')),
    isRequired: true,
    errorMessage: t(text('helpRequest.assign.label')),
    choices: form.members.map((member) => ({ title: member.name, value: member.aadObjectId })),
  });
  content.actions.push({ type: 'Action.Execute', title: t(text('helpRequest.button.assignTo')), verb: VERBS.assignRequest, data: { requestId: request.id } });
}

/** "open", "taken by Adele Vance at …", "resolved by …". */
export function statusText(request: HelpRequest): Text {
  if (request.status === 'resolved' && request.resolvedBy) {
    return text('helpRequest.status.resolved', { name: request.resolvedBy.by.name, time: request.resolvedBy.at });
  }
  if (request.status === 'taken' && request.takenBy) {
    return text('helpRequest.status.taken', { name: request.takenBy.by.name, time: request.takenBy.at });
  }
  if (request.status === 'withdrawn') {
    return text('helpRequest.status.withdrawn', { name: request.requester.name, time: request.withdrawnAt ?? request.updatedAt });
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
