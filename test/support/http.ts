/**
 * What the HTTP end-to-end tests share: a new 1:1 chat, posting an activity to the real server the way
 * the Bot Connector does (an answer a person reads may hold no unfilled placeholder), and the cards
 * among what reached the stand-in connector.
 */
import { randomUUID } from 'node:crypto';
import { UNFILLED_PLACEHOLDER, type CardJson } from './botHarness';
import type { CapturedActivity } from './connector';
import type { TeamsConversation } from './teamsActivity';

export function personalChat(): TeamsConversation {
  return { id: `a:${randomUUID()}`, type: 'personal' };
}

/** POSTs an activity to a running Unlock at `baseUrl`; answers the status and the parsed body. */
export async function postActivity(baseUrl: string, activity: unknown): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${baseUrl}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await response.text();
  // An invoke's answer is a card a person reads: no placeholder may be left in it.
  expect(text).not.toMatch(UNFILLED_PLACEHOLDER);
  return { status: response.status, body: text ? (JSON.parse(text) as unknown) : undefined };
}

/** The Adaptive Cards among activities that reached the connector. */
export function cardsIn(captured: readonly CapturedActivity[]): CardJson[] {
  return captured.flatMap(({ activity }) => ((activity.attachments as { content: CardJson }[] | undefined) ?? []).map((attachment) => attachment.content));
}
