/**
 * The Teams activity handler: strips the bot's @mention, hands messages and card clicks to the
 * router, answers every `adaptiveCard/action` invoke with a card, and saves state after each turn.
 */
import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type BotState,
  type InvokeResponse,
} from 'botbuilder';
import { parseCardAction, messageCard } from '../../cards';
import { viewOf } from '../../dialogs/turn';
import type { Router } from './router';
import { text } from '../i18n/text';
import type { Logger } from '../adapters/logging';
import { withTurnScope } from '../adapters/turnScope';

export interface UnlockBotDependencies {
  readonly router: Router;
  /** Every state the turn may change; saved once at the end of the turn. */
  readonly states: readonly BotState[];
  readonly logger: Logger;
  /** How long a turn may wait on Graph and Exchange; Teams' wait for a card click by default. */
  readonly turnBudgetMs?: number;
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

export class UnlockBot extends TeamsActivityHandler {
  constructor(private readonly deps: UnlockBotDependencies) {
    super();
    this.onMessage(async (context, next) => {
      await this.deps.router.runMessage(context, messageText(context));
      await next();
    });
    // Installed in a personal chat or a group chat, or added to a team: one short hello. Teams (and the
    // Agents Playground) send both `installationUpdate` and a `conversationUpdate` with the bot among
    // `membersAdded` for one installation; answering both would say hello twice, so only the
    // installation is answered, and not its upgrades ('add-upgrade').
    // https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/subscribe-to-conversation-events#install-update-event
    this.onInstallationUpdateAdd(async (context, next) => {
      if (context.activity.action === 'add') {
        await this.deps.router.welcome(context);
      }
      await next();
    });
  }

  override async run(context: TurnContext): Promise<void> {
    await withTurnScope(async () => {
      const started = Date.now();
      const { activity } = context;
      await super.run(context);
      await Promise.all(this.deps.states.map((state) => state.saveChanges(context, false)));
      this.deps.logger.info(
        {
          activityType: activity.type,
          name: activity.name,
          conversationType: activity.conversation?.conversationType,
          from: activity.from?.aadObjectId,
          ms: Date.now() - started,
        },
        'turn served',
      );
    }, this.deps.turnBudgetMs);
  }

  /**
   * Universal Actions arrive as `adaptiveCard/action` invokes. The answer is the card that replaces
   * the clicked one, with HTTP 200 even for a refusal, as Teams expects.
   * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name !== 'adaptiveCard/action') {
      // botbuilder answers 501 for invokes it has no handler for; for Unlock such an invoke is a bad request.
      const answer = await super.onInvokeActivity(context);
      return answer.status === 501 ? { status: 400 } : answer;
    }
    const invoke = context.activity.value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined;
    const action = invoke?.action?.type === 'Action.Execute' ? parseCardAction(invoke.action.verb, invoke.action.data) : undefined;
    let card;
    if (!action) {
      this.deps.logger.warn(
        { verb: typeof invoke?.action?.verb === 'string' ? invoke.action.verb.slice(0, 64) : null, from: context.activity.from?.aadObjectId },
        'card action refused: not a valid Unlock action',
      );
      card = messageCard({ heading: text('unlock.staleCard'), paragraphs: [] }, viewOf(context));
    } else {
      card = await this.deps.router.runCardAction(context, action);
    }
    return { status: 200, body: { statusCode: 200, type: ADAPTIVE_CARD, value: card.content } };
  }
}

/**
 * The message text without the bot's own @mention, as a channel or group chat sends it. Other
 * mentions keep the name they show: "unlock @Līga Kalniņa" asks about Līga Kalniņa.
 */
function messageText(context: TurnContext): string {
  if (context.activity.type !== ActivityTypes.Message) {
    return '';
  }
  const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
  return text.replace(/<at>([^<]*)<\/at>/g, '$1').trim();
}
