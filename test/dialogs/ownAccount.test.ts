/**
 * End users in their 1:1 chat: "I can't send e-mail", "my mails bounce", "I'm locked out on my
 * laptop", "help", in English and Latvian. The bot reads the asker's own account (by the object id
 * Teams gave, never a name from the text) and says in plain words what it sees and what they can do.
 * Nothing about another person ever reaches someone who is not an operator.
 */
import { SEEDED } from '../../src/simulator/seeded';
import { buttonTitles, cardOf, cardText, message, startBotHarness, type BotHarness, type CardJson, type Person } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());

const users = SEEDED.users;

/** Every card the bot answered with, as text. */
async function answer(from: Person, sentence: string, locale = 'en-US', type: 'personal' | 'groupChat' = 'personal'): Promise<{ texts: string[]; cards: CardJson[] }> {
  const replies = await harness.conversation(type).send(message(from, sentence, locale));
  const cards = replies.filter((reply) => reply.attachments?.length).map((reply) => cardOf(reply));
  return { texts: [...cards.map(cardText), ...replies.filter((reply) => !reply.attachments?.length).map((reply) => reply.text ?? '')], cards };
}

/** Graph and Exchange requests that name this person, by id or address. */
function requestsAbout(person: { id: string; upn: string }): string[] {
  return harness.simulator.requests
    .flatMap((request) => [JSON.stringify(request)])
    .filter((request) => request.includes(person.id) || request.toLowerCase().includes(person.upn.toLowerCase()) || request.includes(encodeURIComponent(person.upn)));
}

describe('an end user hears what their own account shows, and what they can do', () => {
  it.each([
    ['restricted sender', users.restrictedSender, "I can't send e-mail", 'en-US', /^Can't send email\?\nI looked at your own account \(adelev@[^)]+\) only\.\nMicrosoft 365 has stopped your account from sending e-mail since .*error 5\.1\.8.*within an hour, in rare cases up to 24 hours\./],
    ['restricted sender, bounces', users.restrictedSender, 'my mails bounce', 'en-US', /Your messages bounce \(error 5\.1\.8\) until the helpdesk lifts the block/],
    ['restricted sender, in Latvian', users.restrictedSender, 'nevaru nosūtīt e-pastu', 'lv-LV', /^Nevarat nosūtīt e-pastu\?\nSkatījos tikai jūsu kontu \(adelev@[^)]+\)\.\nMicrosoft 365 ir aizliedzis jūsu kontam sūtīt e-pastu kopš .*kļūda 5\.1\.8/],
    ['smart lockout', users.smartLockout, "I'm locked out on my laptop", 'en-US', /Your account is locked for now after too many wrong passwords\. It unlocks by itself, at the earliest at .*\n[\s\S]*You can reset your password yourself at https:\/\/aka\.ms\/sspr: you are registered for it\./],
    ['smart lockout, in Latvian', users.smartLockout, 'esmu bloķēta, nevaru pieslēgties', 'lv-LV', /Jūsu konts pēc pārāk daudzām nepareizām parolēm ir uz laiku bloķēts\. Tas atbloķēsies pats, ne agrāk kā .*\n[\s\S]*Paroli varat atiestatīt pašu spēkiem vietnē https:\/\/aka\.ms\/sspr/],
    ['lost MFA method', users.mfaTrouble, "I can't sign in", 'en-US', /Your sign-ins fail at the second step.*the helpdesk will need to confirm it is you \(calling you back on the number in the directory, or seeing you in person\)/],
    ['lost MFA method, in Latvian', users.mfaTrouble, 'nevaru pieslēgties', 'lv-LV', /Jūsu pierakstīšanās neizdodas otrajā solī.*atzvanot uz direktorijā norādīto numuru vai tiekoties klātienē/],
    ['at risk', users.atRisk, "I can't sign in", 'en-US', /Microsoft 365 has flagged your account as possibly used by someone else\. The helpdesk will contact you to secure it\./],
    ['at risk, in Latvian', users.atRisk, 'nevaru ielogoties', 'lv-LV', /Palīdzības dienests sazināsies ar jums, lai to aizsargātu\./],
    ['nothing wrong', users.healthy, "I can't sign in", 'en-US', /I see nothing wrong with your account right now: it is not locked or blocked, and sending is allowed\./],
  ])('%s', async (_case, person, sentence, locale, expected) => {
    const { texts, cards } = await answer(person, sentence, locale);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(expected);
    expect(buttonTitles(cards[0] as CardJson)).toEqual([locale === 'lv-LV' ? 'Jautāt palīdzības dienestam' : 'Ask the helpdesk']);
  });

  it('"help" from an end user: what their own account shows, then what they can ask; never the operator commands', async () => {
    const { texts } = await answer(users.atRisk, 'help');
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/^What I see on your account\n[\s\S]*The helpdesk will contact you to secure it\./);
    expect(texts[1]).toMatch(/^What you can ask me\n[\s\S]*I can't sign in/);
    const { texts: latvian } = await answer(users.atRisk, 'palīdzība', 'lv-LV');
    expect(latvian[0]).toMatch(/^Ko redzu jūsu kontā\n[\s\S]*Palīdzības dienests sazināsies ar jums/);
    expect(latvian[1]).toMatch(/^Ko varat man jautāt\n/);
    for (const said of [...texts, ...latvian]) {
      expect(said).not.toMatch(/Unlock helps you|Unlock palīdz|\bunlock\b|\bhistory\b|\bcheck Megan|operators only/i);
    }
  });

  it('"help" from an end user in a group chat: what they can ask, no operator commands and nothing about an account', async () => {
    const { texts } = await answer(users.atRisk, 'help', 'en-US', 'groupChat');
    expect(texts).toEqual([expect.stringMatching(/^What you can ask me\n/)]);
  });

  it('"help" from an operator is the help card alone', async () => {
    const { texts } = await answer(users.operator, 'help');
    expect(texts).toHaveLength(1);
    expect(texts[0]).not.toMatch(/What I see on your account/);
  });
});

describe('never anything about another person to someone who is not an operator', () => {
  it.each([
    ["Adele Vance's mails bounce", users.restrictedSender],
    ['adele.vance@contoso.com cannot send email', users.restrictedSender],
    ['Anna Bērziņa is locked out, help', users.smartLockout],
    ['anna.berzina@contoso.com nevar pieslēgties', users.smartLockout],
    ['Pēteris Liepa cannot sign in, help', users.atRisk],
  ])('%j from Jānis Ozols is answered about his own account only', async (sentence, other) => {
    harness.simulator.resetLog();
    const { texts } = await answer(users.healthy, sentence);
    const shown = texts.join('\n');
    expect(shown).not.toMatch(new RegExp(`${other.displayName}|${other.upn.split('@')[0]}|stopped your account from sending|locked for now|flagged your account`, 'i'));
    expect(requestsAbout(other)).toEqual([]);
  });

  it('in a group chat, the account is not read and the answer is the general guidance', async () => {
    harness.simulator.resetLog();
    const { texts } = await answer(users.restrictedSender, "I can't send e-mail", 'en-US', 'groupChat');
    expect(texts.join('\n')).not.toMatch(/I looked at your own account|stopped your account from sending e-mail since/);
    expect(requestsAbout(users.restrictedSender)).toEqual([]);
  });
});
