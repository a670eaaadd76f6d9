/**
 * The help card: what Unlock does and the commands it understands.
 *
 * Its examples name Megan Bowen (meganb@contoso.com), one of the Contoso sample users Microsoft's own
 * documentation uses, and Anna Bērziņa, our Latvian sample: both are seeded users of the simulated
 * tenant, so every example works as typed under `npm start`, and in a real tenant they read as the
 * samples they are. The same card is shown everywhere, so it names no one from the real directory.
 */
import type { Attachment } from 'botbuilder';
import { messageCard, type CardView } from './index';
import { text } from '../src/i18n/text';

export function helpCard(view: CardView): Attachment {
  return messageCard(
    {
      heading: text('help.heading'),
      paragraphs: [
        text('help.unlock'),
        text('help.unlockWithUser'),
        text('help.plainRequests'),
        text('help.history'),
        text('help.language'),
        text('help.cancel'),
        text('help.security'),
      ],
    },
    view,
  );
}

/**
 * Help for someone who is not an operator: what they can ask about their own account. The operator
 * commands (checking others, history) are not theirs to use, so they are not listed.
 */
export function endUserHelpCard(view: CardView): Attachment {
  return messageCard(
    {
      heading: text('help.endUser.heading'),
      paragraphs: [text('help.endUser.ownWords'), text('help.language'), text('help.endUser.privacy')],
    },
    view,
  );
}
