/** The help card: what Unlock does and the commands it understands. */
import type { Attachment } from 'botbuilder';
import { messageCard, type CardView } from './index';
import { text } from '../src/i18n/text';

export function helpCard(view: CardView): Attachment {
  return messageCard(
    {
      heading: text('help.heading'),
      paragraphs: [text('help.unlock'), text('help.unlockWithUser'), text('help.history'), text('help.language'), text('help.cancel'), text('help.security')],
    },
    view,
  );
}
