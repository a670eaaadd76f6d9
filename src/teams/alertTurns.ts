/**
 * The Teams side of alerts: "use this channel for alerts" said in a channel by an operator, and the
 * alert cards posted there proactively with the channel's stored conversation reference.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
 */
import type { ConversationReference, TurnContext } from 'botbuilder';
import { alertCard } from '../../cards/alert';
import { actorOf, placeOf, viewOf } from '../../dialogs/turn';
import { localeFrom, render } from '../i18n/catalogue';
import { text } from '../i18n/text';
import type { AlertMessenger, HelpdeskAlert, HelpdeskAlerts } from '../operations/alerts';
import type { AlertChannel } from '../operations/ports';
import { addressOf, type ContinueConversation } from './proactive';

export class AlertTurns {
  constructor(private readonly alerts: HelpdeskAlerts) {}

  /** "use this channel for alerts": in a channel, by an operator (checked now), and confirmed. */
  async useChannel(context: TurnContext): Promise<void> {
    const view = viewOf(context);
    if (placeOf(context).conversationType !== 'channel') {
      await context.sendActivity(render(view.locale, text('alert.channelOnly'), view));
      return;
    }
    const refusal = await this.alerts.useChannel(actorOf(context), addressOf(context.activity), view.locale);
    const answer = refusal ? text(refusal.kind === 'unavailable' ? 'unlock.unavailable' : 'alert.notOperator') : text('alert.channelSet');
    await context.sendActivity(render(view.locale, answer, view));
  }
}

export class TeamsAlertMessenger implements AlertMessenger {
  constructor(private readonly continueConversation: ContinueConversation) {}

  async postAlert(channel: AlertChannel, alert: HelpdeskAlert): Promise<void> {
    await this.continueConversation(channel.address.reference as Partial<ConversationReference>, async (context) => {
      await context.sendActivity({ attachments: [alertCard(alert, { locale: localeFrom(channel.locale) })] });
    });
  }
}
