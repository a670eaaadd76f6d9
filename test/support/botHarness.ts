/**
 * The real bot (dialogs, services, Graph SDK client) on botbuilder's TestAdapter, against a simulated
 * tenant on loopback. Activities are shaped as Teams sends them.
 */
import { ActivityTypes, MemoryStorage, TestAdapter, type Activity, type Attachment } from 'botbuilder';
import pino from 'pino';
import { createBot } from '../../src/host/composition';
import { DevelopmentTokenCredential } from '../../src/adapters/graph/credentials';
import { SEEDED } from '../../src/simulator/seeded';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { FAST_RETRY } from './tenant';

export interface BotHarness {
  readonly simulator: RunningSimulator;
  readonly storage: MemoryStorage;
  /** A new conversation with the bot; `conversationType` personal unless told otherwise. */
  conversation(type?: 'personal' | 'channel' | 'groupChat'): Conversation;
  stop(): Promise<void>;
}

export interface Conversation {
  readonly adapter: TestAdapter;
  /** Sends one activity and answers what the bot sent back during that turn. */
  send(activity: Partial<Activity>): Promise<Partial<Activity>[]>;
}

let conversations = 0;

/** The channel the harness configures as the helpdesk channel; `conversation('channel')` is in it. */
export const HELPDESK_CHANNEL = '19:helpdesk@thread.tacv2';

export async function startBotHarness(
  options: { generatePassword?: () => string; cardMaxAgeMinutes?: number; storage?: MemoryStorage; turnBudgetMs?: number; now?: () => Date } = {},
): Promise<BotHarness> {
  const simulator = await startSimulator({ port: 0 });
  const storage = options.storage ?? new MemoryStorage();
  const bot = createBot(
    {
      graphEndpoint: simulator.url,
      exchangeEndpoint: simulator.url,
      tenantId: SEEDED.tenantId,
      helpdeskGroupId: SEEDED.helpdeskGroup.id,
      credential: new DevelopmentTokenCredential(),
    },
    { storage, logger: pino({ level: 'silent' }), retry: FAST_RETRY, helpdeskChannelIds: [HELPDESK_CHANNEL], ...options },
  );
  const conversation = (type: 'personal' | 'channel' | 'groupChat' = 'personal'): Conversation => {
    conversations += 1;
    const adapter = new TestAdapter((context) => bot.run(context), {
      channelId: 'msteams',
      conversation: { id: `a:conversation-${conversations}`, conversationType: type, tenantId: SEEDED.tenantId, isGroup: type !== 'personal', name: '' },
    });
    return {
      adapter,
      send: async (activity) => {
        const channel = type === 'channel' ? { channel: { id: HELPDESK_CHANNEL }, team: { id: '19:team@thread.tacv2' } } : {};
        await adapter.processActivity({ ...activity, channelData: { ...channel, ...(activity.channelData as object | undefined) } });
        return withNoUnfilledPlaceholder(adapter.activeQueue.splice(0));
      },
    };
  };
  return { simulator, storage, conversation, stop: () => simulator.stop() };
}

export type Person = { readonly id: string; readonly displayName: string };

/** A catalogue placeholder the translation left in (`{action}`, `{name}`). */
export const UNFILLED_PLACEHOLDER = /\{[a-zA-Z]+\}/;

/**
 * Every reply of every dialog test goes through here: a message that reaches a person with a
 * placeholder still in it fails the test that sent it, whatever that test asserts.
 */
function withNoUnfilledPlaceholder<T>(replies: T[]): T[] {
  for (const reply of replies) {
    const found = UNFILLED_PLACEHOLDER.exec(JSON.stringify(reply));
    if (found) throw new Error(`a reply holds the unfilled placeholder ${found[0]}: ${JSON.stringify(reply).slice(0, 400)}`);
  }
  return replies;
}

export function message(from: Person, text: string, locale = 'en-US'): Partial<Activity> {
  return {
    type: ActivityTypes.Message,
    text,
    locale,
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    channelData: { tenant: { id: SEEDED.tenantId } },
  };
}

export function click(from: Person, verb: string, data: Record<string, unknown>): Partial<Activity> {
  return {
    type: ActivityTypes.Invoke,
    name: 'adaptiveCard/action',
    locale: 'en-US',
    from: { id: `29:${from.id}`, name: from.displayName, aadObjectId: from.id },
    channelData: { tenant: { id: SEEDED.tenantId } },
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  };
}

/** The Adaptive Card body of an attachment, as plain JSON. */
export interface CardJson {
  body?: unknown[];
  actions?: { title: string; verb: string; data: Record<string, unknown> }[];
}

export function cardOf(activity: Partial<Activity> | undefined): CardJson {
  const attachment: Attachment | undefined = activity?.attachments?.[0];
  if (!attachment) {
    throw new Error(`expected a card, got ${JSON.stringify(activity)}`);
  }
  return attachment.content as CardJson;
}

/** The card an `adaptiveCard/action` invoke answered with. */
export function invokeCard(activity: Partial<Activity> | undefined): CardJson {
  const value = activity?.value as { body?: { statusCode?: number; type?: string; value?: CardJson } } | undefined;
  if (activity?.type !== 'invokeResponse' || value?.body?.type !== 'application/vnd.microsoft.card.adaptive' || !value.body.value) {
    throw new Error(`expected a card invoke response, got ${JSON.stringify(activity)}`);
  }
  return value.body.value;
}

/** A CommonMark backslash escape, as `escapeMarkdown` writes them. */
const MARKDOWN_ESCAPE = /\\([\\`*_[\]<>~#+\-.)])/g;

/** Every text on a card, flattened, for assertions on what a person reads. */
export function cardText(card: CardJson): string {
  const texts: string[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) {
      node.forEach(walk);
    } else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.text === 'string') {
        // A TextBlock is Markdown in Teams: the data in it is backslash-escaped, and a person reads it without.
        texts.push(record.type === 'TextBlock' ? record.text.replace(MARKDOWN_ESCAPE, '$1') : record.text);
      }
      if (typeof record.title === 'string') {
        texts.push(record.title);
      }
      Object.values(record).forEach(walk);
    }
  };
  walk(card.body ?? []);
  return texts.join('\n');
}

export function buttonTitles(card: CardJson): string[] {
  return cardButtons(card).map((action) => action.title);
}

/** The card's buttons: its `actions` and those of the `ActionSet`s in its body (the findings card's rows). */
export function cardButtons(card: CardJson): NonNullable<CardJson['actions']> {
  const rows = (card.body ?? []).filter((element): element is CardJson => (element as { type?: unknown }).type === 'ActionSet');
  const actions = [...rows.flatMap((row) => row.actions ?? []), ...(card.actions ?? [])];
  // "More actions" is an Action.ShowCard: its buttons are one click away, and still the card's.
  return actions.flatMap((action) => {
    const shown = (action as { type?: string; card?: CardJson }).type === 'Action.ShowCard' ? (action as { card?: CardJson }).card : undefined;
    return shown ? cardButtons(shown) : [action];
  });
}

export function button(card: CardJson, title: string): { verb: string; data: Record<string, unknown> } {
  const found = cardButtons(card).find((action) => action.title === title);
  if (!found) {
    throw new Error(`no button "${title}" on the card; it has ${JSON.stringify(buttonTitles(card))}`);
  }
  return { ...found, data: { ...requiredChoices(card), ...found.data } };
}

/**
 * Teams sends the card's input values with a click, and will not send a click while a required input
 * is empty: the operator picks the first option of each required choice here ("I called them back"),
 * so tests about other things need not. Tests about the inputs build the data themselves.
 */
function requiredChoices(card: CardJson): Record<string, string> {
  const inputs = (card.body ?? []) as { type?: string; id?: string; isRequired?: boolean; value?: string; choices?: { value: string }[] }[];
  return Object.fromEntries(
    inputs
      .filter((input) => input.type === 'Input.ChoiceSet' && input.isRequired && input.id && !input.value && input.choices?.[0])
      .map((input) => [input.id as string, (input.choices as { value: string }[])[0]?.value as string]),
  );
}

/**
 * A findings card in a channel is read-only for everyone; an operator's buttons come with Show
 * actions (or Teams' refresh). Answers the card `from` gets back: the buttons for an operator.
 */
export async function operatorView(conversation: Conversation, from: Person, card: CardJson): Promise<CardJson> {
  const { verb, data } = button(card, 'Show actions');
  return invokeCard((await conversation.send(click(from, verb, data))).find((reply) => reply.type === 'invokeResponse'));
}
