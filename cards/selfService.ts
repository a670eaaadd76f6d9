/**
 * First steps for someone describing their own trouble ("nevaru pieslēgties", "I can't send email").
 * Guidance only: it names no account and changes nothing, so it is safe to show to anyone. In a 1:1
 * chat with someone who is not an operator it ends with **Ask the helpdesk**, whose button carries
 * only the id of the request it would raise (kept server side).
 */
import type { Attachment } from 'botbuilder';
import { messageCard, VERBS, type CardView } from './index';
import type { MessageKey } from '../src/i18n/catalogue';
import type { UserRequest } from '../src/i18n/phrases';
import { text, type Text } from '../src/i18n/text';
import type { OwnAccountResult, OwnSituation } from '../src/operations/ownAccount';

const GUIDANCE: Readonly<Record<Exclude<UserRequest, 'help'>, readonly MessageKey[]>> = {
  cantSignIn: ['selfService.cantSignIn.heading', 'selfService.sspr', 'selfService.lockoutWait', 'selfService.operators'],
  accountLocked: ['selfService.accountLocked.heading', 'selfService.lockoutWait', 'selfService.sspr', 'selfService.operators'],
  cantSendMail: ['selfService.cantSendMail.heading', 'selfService.bounce', 'selfService.operators'],
};

export function selfServiceCard(request: Exclude<UserRequest, 'help'>, view: CardView, askDraftId?: string): Attachment {
  const [heading, ...paragraphs] = GUIDANCE[request];
  return messageCard(
    {
      heading: text(heading ?? 'help.heading'),
      paragraphs: paragraphs.map((key) => text(key)),
      ...(askDraftId ? { buttons: [{ title: text('selfService.askHelpdesk'), action: { verb: VERBS.askHelpdesk, draftId: askDraftId } }] } : {}),
    },
    view,
  );
}

/**
 * What the asker's own account shows, in plain words, with what they can do themselves; the general
 * guidance for their trouble when nothing is wrong or the account could not be read. Only ever built
 * from the asker's own account (`operations/ownAccount.ts`), and only shown in their 1:1 chat.
 */
export function ownAccountCard(
  result: OwnAccountResult,
  request: UserRequest,
  view: CardView,
  askDraftId?: string,
): Attachment {
  const guidance = request === 'help' ? GUIDANCE.cantSignIn : GUIDANCE[request];
  const [, ...general] = guidance;
  const paragraphs: Text[] =
    result.kind === 'unavailable'
      ? [text('ownAccount.couldNotLook'), ...general.map((key) => text(key))]
      : ownAccountParagraphs(result, request);
  return messageCard(
    {
      // The trouble they named heads the card ("Can't send email?"); "help" gets "What I see on your account".
      heading: text(request === 'help' ? 'ownAccount.heading' : (guidance[0] ?? 'help.heading')),
      paragraphs,
      ...(askDraftId ? { buttons: [{ title: text('selfService.askHelpdesk'), action: { verb: VERBS.askHelpdesk, draftId: askDraftId } }] } : {}),
    },
    view,
  );
}

function situationText(situation: OwnSituation): Text {
  switch (situation.kind) {
    case 'restrictedSender':
      return text('ownAccount.restrictedSender', { since: situation.since ? text('ownAccount.since', { time: situation.since }) : '' });
    case 'smartLockout':
      return text('ownAccount.smartLockout', { until: situation.until });
    case 'signInBlocked':
      return text('ownAccount.signInBlocked');
    case 'mfaTrouble':
      return text('ownAccount.mfaTrouble');
    case 'wrongPassword':
      return text('ownAccount.wrongPassword', { count: situation.count });
    case 'atRisk':
      return text('ownAccount.atRisk');
  }
}

function ownAccountParagraphs(result: Extract<OwnAccountResult, { kind: 'read' }>, request: UserRequest): Text[] {
  const sspr = ssprLine(result, request);
  // "If that does not help" only after something they can try: waiting out a lock, checking Caps Lock,
  // resetting the password themselves. A block only the helpdesk lifts offers nothing to try first.
  const somethingToTry =
    result.situations.some((situation) => situation.kind === 'smartLockout' || situation.kind === 'wrongPassword') ||
    sspr.some((line) => line.key === 'ownAccount.ssprRegistered' || line.key === 'selfService.sspr');
  return [
    text('ownAccount.intro', { upn: result.userPrincipalName }),
    ...(result.situations.length === 0 ? [text('ownAccount.nothingSeen')] : result.situations.map(situationText)),
    ...sspr,
    text(somethingToTry ? 'selfService.operators' : 'selfService.operatorsOnly'),
  ];
}

/** Whether they can reset the password themselves: said when a password is (or may be) what stands in their way. */
function ssprLine(result: Extract<OwnAccountResult, { kind: 'read' }>, request: UserRequest): Text[] {
  const passwordTrouble = result.situations.some((situation) => situation.kind === 'smartLockout' || situation.kind === 'wrongPassword');
  // Nothing seen, and they cannot sign in: the password is what they can still fix themselves.
  const signInTrouble = result.situations.length === 0 && request !== 'cantSendMail';
  if (!passwordTrouble && !signInTrouble) return [];
  switch (result.selfServiceReset) {
    case 'registered':
      return [text('ownAccount.ssprRegistered')];
    case 'notRegistered':
      return [text('ownAccount.ssprNotRegistered')];
    case 'notEnabled':
      return [text('ownAccount.ssprNotEnabled')];
    case 'unknown':
      return [text('selfService.sspr')];
  }
}
