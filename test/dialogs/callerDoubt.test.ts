/**
 * "This may not be the user": when the caller-verification warnings say the failing or risky sign-ins
 * come from a country new for the user (Sandra Vītola, the password spray from Brazil), the summary
 * leads with it, and the confirmation of a reset repeats it above the verification choice, where the
 * Teams confirmation says a stolen session could answer it. A lockout from the office says none of it.
 */
import { SEEDED } from '../../src/simulator/seeded';
import { button, cardOf, cardText, click, invokeCard, message, startBotHarness, type BotHarness, type CardJson, type Conversation } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness({ generatePassword: () => 'Tmp#Pass-2345-word' });
});
afterAll(() => harness.stop());

const operator = SEEDED.users.operator;
const users = SEEDED.users;

type Element = { type?: string; id?: string; text?: string; color?: string; wrap?: boolean; choices?: { title: string; value: string }[] };

async function checked(conversation: Conversation, upn: string, locale?: string): Promise<CardJson> {
  const said = message(operator, `unlock ${upn}`);
  const [reply] = await conversation.send(locale ? { ...said, locale } : said);
  return cardOf(reply);
}

async function confirmationOf(conversation: Conversation, card: CardJson, title: string): Promise<Element[]> {
  const { verb, data } = button(card, title);
  const replies = await conversation.send(click(operator, verb, data));
  return (invokeCard(replies.find((reply) => reply.type === 'invokeResponse')).body ?? []) as Element[];
}

describe('a caller who may not be the user', () => {
  it('the summary leads with the new country, not with "Start with Reset password"', async () => {
    const card = await checked(harness.conversation(), users.passwordSpray.upn);
    expect(cardText(card)).toMatch(/^Account check: Sandra Vītola\s+sandra\.vitola@\S+\s+Sign-ins from Brazil, a country new for this user: verify the caller by calling back a directory number before any reset\. /);
    expect(cardText(card)).toContain('give reason to doubt that the caller is the user: before any reset, verify the caller');
    expect(cardText(card)).not.toContain('Fastest way back in');
  });

  it('the reset confirmation repeats the warning above the verification choice, and the Teams question is called weaker', async () => {
    const conversation = harness.conversation();
    const body = await confirmationOf(conversation, await checked(conversation, users.passwordSpray.upn), 'Reset password');
    const warning = body.findIndex((element) => element.color === 'Attention');
    const choice = body.findIndex((element) => element.id === 'verifiedBy');
    expect(body[warning]?.text).toBe('⚠️ Sign-ins from Brazil, a country new for this user: this may not be the user. Verify the caller by calling back a number from the directory before you confirm.');
    expect(warning).toBeGreaterThan(-1);
    expect(warning).toBeLessThan(choice);
    // The longer choice wraps rather than being cut off.
    expect(body[choice]?.wrap).toBe(true);
    expect(body[choice]?.choices?.find((option) => option.value === 'userInTeams')?.title).toBe(
      'Ask the user to confirm in Teams (Unlock sends them a question). Whoever holds a stolen session could answer it: here a callback is safer',
    );
  });

  it('the Temporary Access Pass for Nestor Wilke, whose failed MFA comes from Frankfurt, repeats it too', async () => {
    const conversation = harness.conversation();
    const card = await checked(conversation, users.mfaTrouble.upn);
    expect(cardText(card)).toMatch(/Sign-ins from Germany, a country new for this user: verify the caller/);
    const body = await confirmationOf(conversation, card, 'Temporary Access Pass');
    expect(body.find((element) => element.color === 'Attention')?.text).toMatch(/^⚠️ Sign-ins from Germany, a country new for this user: this may not be the user\./);
  });

  it('in Latvian too', async () => {
    const conversation = harness.conversation();
    const card = await checked(conversation, users.passwordSpray.upn, 'lv-LV');
    expect(cardText(card)).toContain('Pierakstīšanās no šim lietotājam jaunas valsts (Brazīlija): pirms jebkuras atiestatīšanas pārbaudiet zvanītāju');
    const { verb, data } = button(card, 'Atiestatīt paroli');
    const body = (invokeCard((await conversation.send({ ...click(operator, verb, data), locale: 'lv-LV' })).find((reply) => reply.type === 'invokeResponse')).body ?? []) as Element[];
    expect(body.find((element) => element.color === 'Attention')?.text).toMatch(/^⚠️ Pierakstīšanās no šim lietotājam jaunas valsts \(Brazīlija\): tas var nebūt pats lietotājs\./);
    expect(body.find((element) => element.id === 'verifiedBy')?.choices?.find((option) => option.value === 'userInTeams')?.title).toContain('kurš pārņēmis lietotāja sesiju');
  });

  it('a lockout from the office: the usual summary, advice and confirmation', async () => {
    const conversation = harness.conversation();
    const card = await checked(conversation, users.smartLockout.upn);
    expect(cardText(card)).not.toContain('a country new for this user');
    expect(cardText(card)).toContain('Fastest way back in');
    const body = await confirmationOf(conversation, card, 'Reset password');
    expect(body.filter((element) => element.color === 'Attention')).toEqual([]);
    expect(body.find((element) => element.id === 'verifiedBy')?.choices?.find((option) => option.value === 'userInTeams')?.title).toBe(
      'Ask the user to confirm in Teams (Unlock sends them a question)',
    );
  });
});
