/**
 * Times in the operator's time zone when Teams sends it (the activity's `localTimezone`, or the
 * `clientInfo` entity): the findings card, the answer to a click, the hand-over and the history; in
 * UTC, said so, without one.
 */
import type { Activity } from 'botbuilder';
import { SEEDED } from '../../src/simulator/seeded';
import { button, cardOf, cardText, click, invokeCard, message, startBotHarness, type BotHarness, type CardJson, type Conversation, type Person } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const operator: Person = SEEDED.users.operator;
const users = SEEDED.users;
/** UTC+14 all year: a time shown there is never the UTC one. */
const ZONE = 'Pacific/Kiritimati';

const inZone = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, localTimezone: ZONE });
const withClientInfo = (activity: Partial<Activity>): Partial<Activity> => ({ ...activity, entities: [{ type: 'clientInfo', timezone: ZONE }] });

/** "Checked 1 Dec 2026, 05:57" as the card shows it, without any zone suffix. */
function checkedTime(card: CardJson): string {
  const found = /Checked (\d{1,2} \w{3} \d{4}, \d{2}:\d{2})( UTC)?\./.exec(cardText(card));
  if (!found) throw new Error(`no "Checked" time on ${cardText(card)}`);
  return `${found[1] ?? ''}${found[2] ?? ''}`;
}

async function press(conversation: Conversation, card: CardJson, title: string, zone: (activity: Partial<Activity>) => Partial<Activity>): Promise<Partial<Activity>[]> {
  const { verb, data } = button(card, title);
  return conversation.send(zone(click(operator, verb, data)));
}

describe('times in the operator\'s time zone', () => {
  it.each([
    ['localTimezone', inZone],
    ['the clientInfo entity', withClientInfo],
  ] as const)('from %s: the findings card, the answer to a click and the hand-over', async (_from, zone) => {
    const conversation = harness.conversation();
    const utcCard = cardOf((await harness.conversation().send(message(operator, `unlock ${users.atRisk.upn}`)))[0]);
    const card = cardOf((await conversation.send(zone(message(operator, `unlock ${users.atRisk.upn}`))))[0]);
    expect(checkedTime(utcCard)).toMatch(/ UTC$/);
    expect(checkedTime(card)).not.toMatch(/UTC/);
    // Hand over: every time in it (checked, sign-ins, risk) in the zone, none in UTC.
    const replies = await press(conversation, card, 'Hand over to support', zone);
    const handOver = cardText(cardOf(replies.find((reply) => reply.type !== 'invokeResponse')));
    expect(handOver).toMatch(/Checked \d{1,2} \w{3} \d{4}, \d{2}:\d{2}\./);
    expect(handOver).not.toMatch(/UTC/);
    expect(cardText(invokeCard(replies.find((reply) => reply.type === 'invokeResponse')))).not.toMatch(/UTC/);
  });

  it('the history and a refusal that says when', async () => {
    const conversation = harness.conversation();
    const card = cardOf((await conversation.send(inZone(message(operator, `unlock ${users.atRisk.upn}`))))[0]);
    const confirm = invokeCard((await press(conversation, card, 'Revoke sessions', inZone)).find((reply) => reply.type === 'invokeResponse'));
    const done = invokeCard((await press(conversation, confirm, 'Yes, do it', inZone)).find((reply) => reply.type === 'invokeResponse'));
    expect(cardText(done)).not.toMatch(/UTC/);
    // The same step again from the first card: refused with who did it and when.
    const again = invokeCard((await press(conversation, confirm, 'Yes, do it', inZone)).find((reply) => reply.type === 'invokeResponse'));
    expect(cardText(again)).toMatch(/\d{2}:\d{2}/);
    expect(cardText(again)).not.toMatch(/UTC/);
    const [history] = await conversation.send(inZone(message(operator, `history ${users.atRisk.upn}`)));
    const shown = history?.attachments?.length ? cardText(cardOf(history)) : (history?.text ?? '');
    expect(shown).toMatch(/\d{2}:\d{2}/);
    expect(shown).not.toMatch(/UTC/);
  });
});
