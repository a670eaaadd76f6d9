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
import { text } from '../src/i18n/text';

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
