/** Talks to a running bot over HTTP as Teams does, and reads its answers from the capture connector. */
import { cardText, button, type CardJson, type Person } from '../../support/botHarness';
import type { CaptureConnector } from '../../support/connector';
import { teamsCardAction, teamsMessage, type TeamsConversation } from '../../support/teamsActivity';

export interface Reply {
  /** The text of each message and card the bot sent to the conversation. */
  readonly texts: string[];
  readonly cards: CardJson[];
}

export class TeamsClient {
  constructor(private readonly connector: CaptureConnector) {}

  async post(botUrl: string, activity: unknown): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(activity),
    });
    const text = await response.text();
    return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
  }

  /** Sends a message; answers what the bot sent to the conversation during the turn. */
  async say(botUrl: string, from: Person, conversation: TeamsConversation, text: string): Promise<Reply> {
    const before = this.connector.activities.length;
    const { status } = await this.post(botUrl, teamsMessage(this.connector.url, from, conversation, text));
    expect(status).toBe(200);
    const sent = this.connector.activities.slice(before).map(({ activity }) => activity);
    const cards = sent.flatMap((activity) => ((activity.attachments as { content: CardJson }[] | undefined) ?? []).map((attachment) => attachment.content));
    const texts = sent.flatMap((activity) => (typeof activity.text === 'string' ? [activity.text] : [])).concat(cards.map(cardText));
    return { texts, cards };
  }

  /** Clicks a card's button; answers what the person reads: the card it answered with, or the error Teams shows. */
  async click(botUrl: string, from: Person, conversation: TeamsConversation, card: CardJson, title: string): Promise<{ text: string; card?: CardJson }> {
    const { status, body } = await this.post(botUrl, teamsCardAction(this.connector.url, from, conversation, button(card, title)));
    expect(status).toBe(200);
    const answer = body as { statusCode: number; value: CardJson & { message?: string } };
    return answer.statusCode === 200 ? { text: cardText(answer.value), card: answer.value } : { text: answer.value.message ?? '' };
  }
}
