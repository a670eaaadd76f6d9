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
    conversation.state = { button: await untimedSetUp(() => findingsButton(driver, conversation, 'Reset password')) };
  },
};

/**
 * "Yes, do it" on a **Revoke sessions** confirmation → the write (Graph `revokeSignInSessions`), the
 * audit records and claims, the account read again and the new card. A step is done at most once per
 * person within its hold, so every click is on another person: copies of a user with nothing wrong
 * (`POST /_simulator/bulk`, surname `Remedy`), whose cards offer Revoke sessions as on any account.
 * Before each window every conversation gets its share of confirmations (untimed: the findings card
 * and the first click); a conversation stops when its share is used up.
 */
export const remediationClick: Scenario = {
  name: 'remediation click',
  bot: 'unlock',
  kind: 'invoke',
  turn: (conversation) => {
    const queue = conversation.state?.confirmations as Button[] | undefined;
    const next = queue?.shift();
    if (!next) throw new Error('no confirmation left to click');
    return cardClick(next);
  },
  remaining: (conversation) => (conversation.state?.confirmations as Button[] | undefined)?.length ?? 0,
  expect: 'Revoke sessions: done.',
  prepare: async (conversation, driver, window) => {
    const share = Math.max(1, Math.ceil(REMEDIATION_CLICKS_PER_WINDOW / window.conversations));
    const confirmations: Button[] = [];
    for (let index = 0; index < share; index += 1) {
      const target = remediationTargets.next();
      const revoke = await untimedSetUp(() => findingsButton(driver, conversation, 'Revoke sessions', target));
      const asked = await driver.send(conversation, cardClick(revoke), { kind: 'invoke', text: `Sign ${target.displayName} out of all apps and devices?` });
      if (!asked.ok) throw new Error(`no confirmation to click for ${target.upn} (HTTP ${asked.status}): ${asked.body.slice(0, 300)}`);
      confirmations.push(buttonIn(cardOf(asked.body), 'Yes, do it'));
    }
    conversation.state = { confirmations };
  },
};

/**
 * Untimed set-up before a window, asked again when it fails: a diagnosis fails now and then while 50
 * are asked at once on this machine (the runs of 2026-12-01 07:15 and 2026-12-02 01:15 each got one
 * "I could not check the account just now"). Failures inside a window are counted, never retried.
 */
async function untimedSetUp<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (attempt >= 3) throw error;
    }
  }
}

/** Remediation clicks in one window, shared by its conversations (each click needs a person of its own). */
export const REMEDIATION_CLICKS_PER_WINDOW = 120;
/** The surname of the copies the remediation clicks act on. */
export const REMEDIATION_SURNAME = 'Remedy';

/** The copies `POST /_simulator/bulk` made, handed out one per click, in order. */
export const remediationTargets = {
  used: 0,
  available: 0,
  next(): { upn: string; displayName: string } {
    if (this.used >= this.available) throw new Error(`all ${this.available} people for remediation clicks are used: grow the tenant with more`);
    this.used += 1;
    const givenName = `Namesake${String(this.used).padStart(4, '0')}`;
    return { upn: `${givenName.toLowerCase()}.${REMEDIATION_SURNAME.toLowerCase()}@contoso.com`, displayName: `${givenName} ${REMEDIATION_SURNAME}` };
  },
};

/** Adds `count` people for remediation clicks to the simulated tenant. */
export async function growTenantForRemediation(tenantUrl: string, count: number): Promise<void> {
  const answer = await fetch(`${tenantUrl}/_simulator/bulk`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ namesakes: { surname: REMEDIATION_SURNAME, count } }),
  });
  if (answer.status !== 201) throw new Error(`the simulated tenant did not take the people for remediation clicks: ${answer.status} ${await answer.text()}`);
  remediationTargets.available += count;
}

type Button = { title?: string; verb: string; data: Record<string, unknown>; card?: Card };
type Element = { type?: string; actions?: Button[]; items?: Element[]; columns?: Element[] };
type Card = { body?: Element[]; actions?: Button[] };

function cardOf(json: string): Card | undefined {
  const parsed = JSON.parse(json) as { attachments?: { content?: Card }[]; value?: Card };
  return parsed.attachments?.[0]?.content ?? parsed.value;
}

/** The button with this title on a card (its action sets and its own actions). */
function buttonIn(card: Card | undefined, title: string): Button {
  // Secondary steps sit under "More actions" (a card shown by a button): every action set, however deep.
  const ofCard = (shown: Card | undefined): Button[] => [...(shown?.body ?? []).flatMap(inside), ...(shown?.actions ?? []).flatMap(withShown)];
  const withShown = (action: Button): Button[] => [action, ...ofCard(action.card)];
  const inside = (element: Element): Button[] => [
    ...(element.type === 'ActionSet' ? (element.actions ?? []).flatMap(withShown) : []),
    ...[...(element.items ?? []), ...(element.columns ?? [])].flatMap(inside),
  ];
  const buttons = ofCard(card).filter((candidate) => candidate.verb !== undefined);
  const button = buttons.find((candidate) => candidate.title === title);
  if (!button) {
    throw new Error(`the card has no "${title}" button; it has ${JSON.stringify(buttons.map((candidate) => candidate.title))}`);
  }
  return { verb: button.verb, data: button.data };
}

/** Asks for a person's findings card (the target's unless told) in this conversation and answers one of its buttons. */
export async function findingsButton(
  driver: TurnDriver,
  conversation: Conversation,
  title: string,
  person: { readonly upn: string; readonly displayName: string } = TARGET,
): Promise<{ verb: string; data: Record<string, unknown> }> {
  const outcome = await driver.send(conversation, { type: 'message', text: `unlock ${person.upn}` }, {
    kind: 'message',
    text: `Account check: ${person.displayName}`,
    capture: true,
  });
  const reply = outcome.replies[0];
  if (!outcome.ok || reply === undefined) {
    throw new Error(`no findings card to click (HTTP ${outcome.status}): ${outcome.replies.join('\n').slice(0, 500)}`);
  }
  return buttonIn(cardOf(reply), title);
}

export function conversations(prefix: string, count: number): Conversation[] {
  const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return Array.from({ length: count }, (_, index) => ({ id: `a:bench-${slug}-${index}` }));
}
