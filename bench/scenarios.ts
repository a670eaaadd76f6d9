/**
 * What a benchmark turn sends and what it must get back. The operator is the Agents Playground's
 * user (Alex Wilber), a member of the helpdesk group in the simulated tenant; the account checked is
 * Megan Bowen (failed sign-ins, then an expired password), whose card offers "Reset password".
 */
import { SEEDED } from '../src/simulator/seeded';
import type { Conversation, Person, Scenario, TurnDriver } from './load';

export const OPERATOR: Person = { id: SEEDED.users.operator.id, name: SEEDED.users.operator.displayName };
/** Another operator, whose turn warms a bot up before OPERATOR's first turn is measured. */
export const SECOND_OPERATOR: Person = { id: SEEDED.users.secondOperator.id, name: SEEDED.users.secondOperator.displayName };
export const TARGET = SEEDED.users.failedSignIns;

const message = (text: string) => () => ({ type: 'message', text });

const cardClick = (button: { verb: string; data: Record<string, unknown> }) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb: button.verb, data: button.data }, trigger: 'manual' },
});

/** A bare message turn on the floor bot. */
export const echoMessage: Scenario = {
  name: 'echo message',
  bot: 'echo',
  kind: 'message',
  turn: message('hello'),
  expect: 'echo: hello',
};

/** A card click on the floor bot: an `adaptiveCard/action` invoke answered with a small card. */
export const echoClick: Scenario = {
  name: 'echo card click',
  bot: 'echo',
  kind: 'invoke',
  turn: () => cardClick({ verb: 'unlock.step', data: { cardId: '3fccbe86-a404-4498-9d13-bed2875a167f', step: 'resetPassword' } }),
  expect: 'echo: unlock.step',
};

export const help: Scenario = {
  name: 'help',
  bot: 'unlock',
  kind: 'message',
  turn: message('help'),
  expect: 'Unlock helps you get people back into Microsoft 365',
};

export const diagnosisByAddress: Scenario = {
  name: 'diagnosis by address',
  bot: 'unlock',
  kind: 'message',
  turn: message(`unlock ${TARGET.upn}`),
  expect: `Account check: ${TARGET.displayName}`,
};

export const diagnosisByName: Scenario = {
  name: 'diagnosis by name',
  bot: 'unlock',
  kind: 'message',
  turn: message(`unlock ${TARGET.displayName}`),
  expect: `Account check: ${TARGET.displayName}`,
};

/** "Reset password" on the findings card → the confirmation card (no write yet). */
export const cardClickToConfirm: Scenario = {
  name: 'card click → confirmation',
  bot: 'unlock',
  kind: 'invoke',
  turn: (conversation) => cardClick(conversation.state?.button as { verb: string; data: Record<string, unknown> }),
  expect: `Reset the password of ${TARGET.displayName}?`,
  // A fresh findings card for every window, so no card ever reaches CARD_MAX_AGE_MINUTES.
  prepare: async (conversation, driver) => {
    // Untimed set-up: a diagnosis that fails now and then under load (the run of 2026-12-01 07:15 once
    // got "I could not check the account just now" while 50 were asked at once) is asked again.
    for (let attempt = 1; ; attempt += 1) {
      try {
        conversation.state = { button: await findingsButton(driver, conversation, 'Reset password') };
        return;
      } catch (error) {
        if (attempt >= 3) throw error;
      }
    }
  },
};

/** Asks for the target's findings card in this conversation and answers one of its buttons. */
export async function findingsButton(
  driver: TurnDriver,
  conversation: Conversation,
  title: string,
): Promise<{ verb: string; data: Record<string, unknown> }> {
  const outcome = await driver.send(conversation, { type: 'message', text: `unlock ${TARGET.upn}` }, {
    kind: 'message',
    text: `Account check: ${TARGET.displayName}`,
    capture: true,
  });
  const reply = outcome.replies[0];
  if (!outcome.ok || reply === undefined) {
    throw new Error(`no findings card to click (HTTP ${outcome.status}): ${outcome.replies.join('\n').slice(0, 500)}`);
  }
  type Button = { title?: string; verb: string; data: Record<string, unknown> };
  type Card = { body?: { type?: string; actions?: Button[] }[]; actions?: Button[] };
  const card = (JSON.parse(reply) as { attachments?: { content?: Card }[] }).attachments?.[0]?.content;
  const buttons = [...(card?.body ?? []).filter((element) => element.type === 'ActionSet').flatMap((row) => row.actions ?? []), ...(card?.actions ?? [])];
  const button = buttons.find((candidate) => candidate.title === title);
  if (!button) {
    throw new Error(`the findings card has no "${title}" button; it has ${JSON.stringify(buttons.map((candidate) => candidate.title))}`);
  }
  return { verb: button.verb, data: button.data };
}

export function conversations(prefix: string, count: number): Conversation[] {
  const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return Array.from({ length: count }, (_, index) => ({ id: `a:bench-${slug}-${index}` }));
}
