/**
 * "history" as an operator meets it in Teams, on the real bot and the simulated tenant: one line per
 * action, newest first, ten a page with "more" (typed or the More button), the refusals filter in
 * both languages, and refusals by people who are not operators summed up per person.
 */
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import type { AuditOutcome, AuditRecord } from '../../src/domain/audit';
import { SEEDED } from '../../src/simulator/seeded';
import {
  button,
  buttonTitles,
  cardOf,
  cardText,
  click,
  invokeCard,
  message,
  operatorView,
  startBotHarness,
  type BotHarness,
  type CardJson,
  type Conversation,
  type Person,
} from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const operator: Person = SEEDED.users.operator;
const notOperator: Person = SEEDED.users.healthy;
const users = SEEDED.users;

async function press(conversation: Conversation, from: Person, card: CardJson, title: string): Promise<CardJson> {
  const { verb, data } = button(card, title);
  return invokeCard((await conversation.send(click(from, verb, data))).find((reply) => reply.type === 'invokeResponse'));
}

/** The lines of a history card: every text after the heading, up to the hint about "more". */
function linesOf(card: CardJson): string[] {
  return cardText(card)
    .split('\n')
    .slice(1)
    .filter((line) => !/Type "more"|ievadiet "vairāk"/.test(line));
}

/** The More button: an imBack, so pressing it is the operator sending its word. */
function moreButton(card: CardJson): { title: string; value: string } | undefined {
  const action = (card.actions ?? []).find((candidate) => (candidate as { type?: string }).type === 'Action.Submit') as
    | { title: string; data: { msteams: { type: string; value: string } } }
    | undefined;
  if (!action) return undefined;
  expect(action.data.msteams.type).toBe('imBack');
  return { title: action.title, value: action.data.msteams.value };
}

/** Audit records written straight into the bot's store, as other instances would have. */
type Entry = readonly [actionId: string, step: string, outcome: AuditOutcome, actor: Person, extra?: Pick<AuditRecord, 'verifiedBy' | 'answeredInTeams'>];

async function recorded(person: Person, entries: readonly Entry[]): Promise<void> {
  const log = new StorageAuditLog(harness.storage);
  const start = Date.UTC(2026, 10, 20, 8, 0, 0);
  for (const [index, [actionId, step, outcome, actor, extra]] of entries.entries()) {
    const record: AuditRecord = {
      at: new Date(start + index * 60_000).toISOString(),
      actionId,
      actor: { aadObjectId: actor.id, name: actor.displayName },
      place: { conversationId: 'a:elsewhere', conversationType: 'personal' },
      target: { id: person.id, userPrincipalName: (person as { upn?: string }).upn ?? '', displayName: person.displayName },
      step,
      outcome,
      ...extra,
    };
    await log.append(record);
  }
}

describe('one line per action', () => {
  it('a change made through the card is one line, done, with no "started" line', async () => {
    const conversation = harness.conversation();
    const card = cardOf((await conversation.send(message(operator, `unlock ${users.signInBlocked.upn}`)))[0]);
    await press(conversation, operator, await press(conversation, operator, card, 'Allow sign-in'), 'Yes, do it');
    const history = cardOf((await conversation.send(message(operator, `history ${users.signInBlocked.upn}`)))[0]);
    const lines = linesOf(history);
    expect(lines).toEqual([expect.stringMatching(/ · Alex Wilber · Allow sign-in · done$/)]);
    expect(cardText(history)).not.toMatch(/started/);
    expect(moreButton(history)).toBeUndefined();
  });

  it("someone who is not an operator clicking again and again is one line, and real actions stay in view", async () => {
    const channel = harness.conversation('channel');
    const card = await operatorView(channel, operator, cardOf((await channel.send(message(operator, `unlock ${users.conditionalAccess.upn}`)))[0]));
    for (let i = 0; i < 12; i += 1) {
      await press(channel, notOperator, card, 'Hand over to support');
    }
    await press(channel, operator, await press(channel, operator, card, 'Revoke sessions'), 'Yes, do it');
    const lines = linesOf(cardOf((await harness.conversation().send(message(operator, `history ${users.conditionalAccess.upn}`)))[0]));
    expect(lines).toEqual([
      expect.stringMatching(/ · Alex Wilber · Revoke sessions · done$/),
      expect.stringMatching(/ · 12 refused attempts by Jānis Ozols \(not a helpdesk operator\), the first at \d/),
    ]);
  });
});

describe('pages', () => {
  const marta: Person & { upn: string } = users.namesake;

  beforeAll(async () => {
    // 23 done actions (attempt and result each), oldest first: action-00 … action-22.
    await recorded(
      marta,
      Array.from({ length: 23 }, (_, i) => {
        const id = `card-${String(i).padStart(2, '0')}/revokeSessions`;
        const entries: Entry[] = [
          [id, 'revokeSessions', { kind: 'attempted' }, operator],
          [id, 'revokeSessions', { kind: 'succeeded', requestId: `rq-${i}` }, operator],
        ];
        return entries;
      }).flat(),
    );
  });

  it('ten a page, newest first; "more" and the More button go on where the last page ended, and say when that is all', async () => {
    const conversation = harness.conversation();
    const first = cardOf((await conversation.send(message(operator, `history ${marta.upn}`)))[0]);
    expect(cardText(first)).toMatch(/^Recent Unlock actions on Marta Bērziņa/);
    expect(linesOf(first)).toHaveLength(10);
    expect(cardText(first)).toMatch(/Type "more" or press More for older actions\./);
    const more = moreButton(first);
    expect(more).toEqual({ title: 'More', value: 'more' });

    // The button sends its word as the operator's message, exactly as typed.
    const second = cardOf((await conversation.send(message(operator, more?.value ?? '')))[0]);
    expect(cardText(second)).toMatch(/^Older Unlock actions on Marta Bērziņa/);
    expect(linesOf(second)).toHaveLength(10);
    const third = cardOf((await conversation.send(message(operator, 'more')))[0]);
    expect(linesOf(third)).toHaveLength(3);
    expect(moreButton(third)).toBeUndefined();

    const all = [first, second, third].flatMap(linesOf);
    // Minute by minute, newest first, each once: 08:45 is the last result (action 22), 08:01 the first.
    const times = all.map((line) => line.split(' · ')[0]);
    expect(new Set(times).size).toBe(23);
    expect(times[0]).toMatch(/08:45/);
    expect(times[22]).toMatch(/08:01/);
    expect(all.every((line) => / · Alex Wilber · Revoke sessions · done$/.test(line))).toBe(true);

    const [end] = await conversation.send(message(operator, 'more'));
    expect(end?.text).toBe('That is all: Unlock has recorded no older actions on Marta Bērziņa.');
  });

  it('anything else than "more" is answered as usual, and ends the paging', async () => {
    const conversation = harness.conversation();
    await conversation.send(message(operator, `history ${marta.upn}`));
    const [hello] = await conversation.send(message(operator, 'hi'));
    expect(hello?.text).toMatch(/^Hello! I am Unlock/);
    const [after] = await conversation.send(message(operator, 'more'));
    expect(after?.text).toMatch(/I did not understand that/);
    // A command ends it too, and starts its own.
    await conversation.send(message(operator, `history ${marta.upn}`));
    const [card] = await conversation.send(message(operator, `unlock ${users.healthy.upn}`));
    expect(cardText(cardOf(card))).toMatch(/Account check: Jānis Ozols/);
  });

  it('"more" is only for the operator who asked', async () => {
    const channel = harness.conversation('channel');
    await channel.send(message(operator, `history ${marta.upn}`));
    const [other] = await channel.send(message(SEEDED.users.secondOperator, 'more'));
    expect(other?.text).toMatch(/I did not understand that/);
  });
});

describe('the refusals only', () => {
  const anna: Person & { upn: string } = users.namesakeAscii;

  beforeAll(async () => {
    await recorded(anna, [
      ['c1/allowSignIn', 'allowSignIn', { kind: 'attempted' }, operator],
      ['c1/allowSignIn', 'allowSignIn', { kind: 'succeeded' }, operator],
      ['c2/handOver', 'handOver', { kind: 'refused', reason: 'notOperator' }, notOperator],
      ['c3/resetPassword', 'resetPassword', { kind: 'refused', reason: 'notPersonalChat' }, operator],
      ['c2/handOver', 'handOver', { kind: 'refused', reason: 'notOperator' }, notOperator],
    ]);
  });

  it('"history … refused" shows the refusals, a non-operator\'s summed up', async () => {
    const card = cardOf((await harness.conversation().send(message(operator, `history ${anna.upn} refused`)))[0]);
    expect(cardText(card)).toMatch(/^Refused Unlock actions on Inese Berzina/);
    expect(linesOf(card)).toEqual([
      expect.stringMatching(/ · 2 refused attempts by Jānis Ozols \(not a helpdesk operator\), the first at /),
      expect.stringMatching(/ · Alex Wilber · Reset password · refused \(passwords only in a 1:1 chat\)$/),
    ]);
  });

  it('in Latvian: "vēsture … atteikumi"', async () => {
    const card = cardOf((await harness.conversation().send(message(operator, `vēsture ${anna.upn} atteikumi`, 'lv-LV')))[0]);
    expect(cardText(card)).toMatch(/^Noraidītās Unlock darbības ar lietotāju Inese Berzina/);
    expect(linesOf(card)).toEqual([
      expect.stringMatching(/ · 2 noraidīti mēģinājumi, ko veica Jānis Ozols \(nav palīdzības dienesta operators\), pirmais: /),
      expect.stringMatching(/ · Alex Wilber · Atiestatīt paroli · noraidīta \(paroles tikai individuālā tērzēšanā\)$/),
    ]);
  });

  it('says so when there are none', async () => {
    const card = cardOf((await harness.conversation().send(message(operator, `history ${users.ssprNotRegistered.upn} refused`)))[0]);
    expect(cardText(card)).toMatch(/recorded no refused actions/);
  });
});

describe('how the caller was verified', () => {
  const person = users.everything;
  const user = { aadObjectId: person.id, name: person.displayName, at: '2026-11-20T08:00:30.000Z' };
  beforeAll(async () => {
    await recorded(person, [
      ['v1', 'resetPassword', { kind: 'succeeded' }, operator, { verifiedBy: 'calledBack' }],
      ['v2', 'temporaryAccessPass', { kind: 'succeeded' }, operator, { verifiedBy: 'userInTeams', answeredInTeams: { ...user, answer: 'yes' } }],
      ['v3', 'resetPassword', { kind: 'refused', reason: 'deniedInTeams' }, users.secondOperator, { verifiedBy: 'userInTeams', answeredInTeams: { ...user, answer: 'no' } }],
      ['v4', 'resetPassword', { kind: 'refused', reason: 'limitReached' }, operator, { verifiedBy: 'inPerson' }],
    ]);
  });

  it('a write\'s line says how, and who said Yes in Teams; a No names who said it; a limit reached is a refusal', async () => {
    const card = cardOf((await harness.conversation().send(message(operator, `history ${person.upn}`)))[0]);
    expect(linesOf(card)).toEqual([
      expect.stringMatching(/ · Alex Wilber · Reset password · refused \(limit reached\) · verified: in person with an ID$/),
      expect.stringMatching(new RegExp(` · Christie Cline · Reset password · refused \\(answered No in Teams\\) · No from ${person.displayName} in Teams$`)),
      expect.stringMatching(new RegExp(` · Alex Wilber · Temporary Access Pass · done · verified: ${person.displayName} said Yes in Teams$`)),
      expect.stringMatching(/ · Alex Wilber · Reset password · done · verified: called back on a directory number$/),
    ]);
  });

  it('in Latvian', async () => {
    const card = cardOf((await harness.conversation().send(message(operator, `vēsture ${person.upn}`, 'lv-LV')))[0]);
    expect(linesOf(card)).toEqual([
      expect.stringMatching(/ · noraidīta \(sasniegts ierobežojums\) · pārbaudīts: klātienē, pēc personu apliecinoša dokumenta$/),
      expect.stringMatching(new RegExp(` · noraidīta \\(programmā Teams atbildēts „Nē”\\) · „Nē” programmā Teams atbildēja ${person.displayName}$`)),
      expect.stringMatching(new RegExp(` · pārbaudīts: ${person.displayName} programmā Teams atbildēja „Jā”$`)),
      expect.stringMatching(/ · pārbaudīts: atzvanīts uz numuru no direktorija$/),
    ]);
  });
});

describe('in Latvian', () => {
  it('pages with "vairāk", and the More button says it', async () => {
    const conversation = harness.conversation();
    const first = cardOf((await conversation.send(message(operator, `vēsture ${users.namesake.upn}`, 'lv-LV')))[0]);
    expect(cardText(first)).toMatch(/^Pēdējās Unlock darbības ar lietotāju Marta Bērziņa/);
    expect(moreButton(first)).toEqual({ title: 'Vairāk', value: 'vairāk' });
    const second = cardOf((await conversation.send(message(operator, 'vairāk', 'lv-LV')))[0]);
    expect(cardText(second)).toMatch(/^Vecākas Unlock darbības ar lietotāju Marta Bērziņa/);
    expect(buttonTitles(second)).toEqual(['Vairāk']);
  });
});
