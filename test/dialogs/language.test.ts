/** The language follows Teams, "language lv|en" overrides it per user, and plain requests get what the asker's own account shows. */
import { SEEDED } from '../../src/simulator/seeded';
import { cardOf, cardText, message, startBotHarness, type BotHarness, type Person } from '../support/botHarness';
import { tenantWrites } from '../support/tenant';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const operator: Person = SEEDED.users.operator;
const endUser: Person = SEEDED.users.ssprNotRegistered;

describe('language', () => {
  it('follows a Latvian Teams client', async () => {
    const [reply] = await harness.conversation().send(message(operator, 'unlock', 'lv-LV'));
    expect(reply?.text).toMatch(/lietotāj/i);
  });

  it('"language lv" switches an English client to Latvian for that user, and "language auto" back', async () => {
    const conversation = harness.conversation();
    const person: Person = SEEDED.users.secondOperator;
    expect((await conversation.send(message(person, 'language lv')))[0]?.text).toMatch(/latviešu/);
    const [findings] = await conversation.send(message(person, `unlock ${SEEDED.users.signInBlocked.upn}`));
    expect(cardText(cardOf(findings))).toMatch(/Konta pārbaude|Līga Kalniņa/);
    expect(cardText(cardOf(findings))).not.toMatch(/Account check/);
    // Stored per user: another conversation of the same user answers in Latvian too.
    expect((await harness.conversation().send(message(person, 'language')))[0]?.text).toMatch(/latviešu/);
    expect((await conversation.send(message(person, 'language auto')))[0]?.text).toMatch(/English/);
    expect((await conversation.send(message(person, 'unlock')))[0]?.text).toMatch(/Which user is locked out/);
  });
});

describe('plain requests from people who need help', () => {
  it.each([
    ['nevaru pieslēgties', 'lv-LV', /pieslēgties|pierakstīties/i],
    ['konts bloķēts', 'lv-LV', /bloķēts|bloķēt/i],
    ['nevaru nosūtīt e-pastu', 'lv-LV', /e-past/i],
    ["I can't sign in", 'en-US', /Can't sign in to Microsoft 365\?[\s\S]*not registered for self-service password reset/],
    ["I can't send email", 'en-US', /Can't send email\?[\s\S]*sending is allowed/],
  ])('"%s" gets what their own account shows, and changes nothing', async (sentence, locale, expected) => {
    harness.simulator.resetLog();
    const [reply] = await harness.conversation().send(message(endUser, sentence, locale));
    expect(cardText(cardOf(reply))).toMatch(expected);
    // Their own account is read (test/dialogs/ownAccount.test.ts); nothing is changed.
    expect(tenantWrites(harness.simulator)).toEqual([]);
  });

  it('"palīdzība" from an end user: their own account, then what they can ask, in Latvian; no operator commands', async () => {
    const [own, help] = await harness.conversation().send(message(endUser, 'palīdzība', 'lv-LV'));
    expect(cardText(cardOf(own))).toMatch(/^Ko redzu jūsu kontā/);
    expect(cardText(cardOf(help))).toMatch(/^Ko varat man jautāt\n[\s\S]*nevaru pieslēgties/);
    expect(cardText(cardOf(help))).not.toMatch(/\bunlock\b|\bhistory\b/);
  });
});
