/**
 * "Show the operator what a verifier needs" (issue 10) over HTTP, as Teams talks to the bot, against
 * the simulated tenant's data: where the failing sign-ins came from and whether that place is new for
 * the user, callback facts with phones masked, the manager, identity warnings; one $batch for an
 * address; and none of it for someone who is not an operator.
 */
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { findUser } from '../../src/simulator/state';
import { cardText, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import { teamsMessage, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY } from '../support/tenant';
import { personalChat, postActivity } from '../support/http';

const users = SEEDED.users;
const operator: Person = users.operator;
const notOperator: Person = users.healthy;
const MASKED = /^•••• ••\d\d$/;

let app: UnlockApp;
let connector: CaptureConnector;

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent' }), { retry: FAST_RETRY });
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

const post = (activity: unknown): Promise<{ status: number; body: unknown }> => postActivity(app.url, activity);

/** What reached the connector for one message, as JSON, and the cards in it. */
async function say(from: Person, conversation: TeamsConversation, text: string): Promise<{ raw: string; cards: CardJson[] }> {
  const before = connector.activities.length;
  expect((await post(teamsMessage(connector.url, from, conversation, text))).status).toBe(200);
  const activities = connector.activities.slice(before);
  const cards = activities.flatMap(({ activity }) => ((activity.attachments as { content: CardJson }[] | undefined) ?? []).map((attachment) => attachment.content));
  return { raw: JSON.stringify(activities), cards };
}

async function findingsCard(upn: string): Promise<CardJson> {
  const { cards } = await say(operator, personalChat(), `check ${upn}`);
  expect(cards).toHaveLength(1);
  return cards[0] as CardJson;
}

/** The "Verify the caller" section: its text lines with their colour, and its facts. */
function verifySection(card: CardJson): { lines: { text: string; color?: string }[]; facts: Record<string, string> } {
  const section = (card.body ?? []).find((element) => JSON.stringify(element).includes('"FactSet"')) as { items: Record<string, unknown>[] } | undefined;
  if (!section) throw new Error('no Verify the caller section on the card');
  const lines = section.items.filter((item) => item.type === 'TextBlock').map((item) => ({ text: item.text as string, ...(item.color ? { color: item.color as string } : {}) }));
  const factSet = section.items.find((item) => item.type === 'FactSet') as { facts: { title: string; value: string }[] };
  return { lines, facts: Object.fromEntries(factSet.facts.map((fact) => [fact.title, fact.value])) };
}

describe('sign-in locations and callback facts on the card, from the simulated tenant', () => {
  it('a lockout from another country is a warning in words and in red; phones masked, the manager named', async () => {
    const { lines, facts } = verifySection(await findingsCard(users.passwordSpray.upn));
    expect(lines[0]).toEqual({ text: 'Verify the caller' });
    expect(lines[1]).toEqual({
      text: 'Warning: failing or risky sign-ins from Brazil, where this user has not signed in successfully in the last 30 days (usually: Latvia). This may not be the user.',
      color: 'Attention',
    });
    const spray = lines.find((line) => line.text.includes('São Paulo'));
    expect(spray?.color).toBe('Attention');
    expect(spray?.text).toMatch(/^17 failed · São Paulo, Brazil: a new country for this user · 192\.0\.2\.145 · OfficeHome · Linux · Chrome 119\.0\.0 · last /);

    expect(facts['Mobile phone']).toMatch(MASKED);
    expect(facts['Office phone']).toMatch(MASKED);
    expect(facts.Manager).toBe(`${users.healthy.displayName} (Accountant) · ${users.healthy.upn} · ${facts.Manager?.split(' · ')[2]}`);
    expect(facts.Manager?.split(' · ')[2]).toMatch(MASKED);
    expect(facts).toMatchObject({ Department: 'Finance', 'Job title': 'Accountant', Office: 'Riga, Brīvības iela 12', 'Signs in from (30 days)': 'Latvia' });
    expect(facts['Password last changed']).toMatch(/\d{4}/);
    expect(facts['Account created']).toMatch(/\d{4}/);
    // Read by address: the namesakes come with the next read.
    expect(facts['Same display name']).toBe("not compared yet: select Check again to compare it with other users' names");
  });

  it('a lockout from the usual office is not flagged', async () => {
    const { lines } = verifySection(await findingsCard(users.smartLockout.upn));
    expect(lines.filter((line) => line.color === 'Attention')).toEqual([]);
    expect(lines.map((line) => line.text).join('\n')).not.toMatch(/Warning|new country/);
    expect(lines.find((line) => line.text.includes('Riga'))?.text).toMatch(/^17 failed · Riga, Latvia: where this user signs in · 203\.0\.113\.24 · Office 365 Exchange Online/);
  });

  it('no full phone number reaches the card, the connector or the card record', async () => {
    const person = findUser(app.simulator?.tenant as never, users.passwordSpray.upn)?.user;
    const numbers = [person?.mobilePhone, ...(person?.businessPhones ?? [])].filter((number): number is string => typeof number === 'string');
    expect(numbers.length).toBe(2);
    const before = connector.activities.length;
    await findingsCard(users.passwordSpray.upn);
    const sent = JSON.stringify(connector.activities.slice(before));
    for (const number of numbers) {
      expect(sent).not.toContain(number);
      expect(sent).not.toContain(number.replace(/\D/g, '').slice(-6));
    }
  });

  it('the account read for an address is still one $batch, with the verifier reads in it', async () => {
    app.simulator?.resetLog();
    await findingsCard(users.passwordSpray.upn);
    const graph = (app.simulator?.requests ?? []).filter((request) => request.api === 'graph');
    expect(graph.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /v1.0/$batch']);
    const urls = (graph[0]?.batchItems ?? []).map((item) => decodeURIComponent(item.url));
    expect(urls).toEqual(expect.arrayContaining([expect.stringMatching(/\/manager\?\$select=/), expect.stringMatching(/^\/auditLogs\/signIns\?\$filter=.*status\/errorCode eq 0/)]));
    expect((graph[0]?.batchItems ?? []).every((item) => item.status < 400)).toBe(true);
  });

  it('a shared name, a look-alike, a guest and a new account are warnings', async () => {
    const chat = personalChat();
    // Two people with the name: each one's card at once, under a line that says so, each warning of the other.
    const { raw, cards } = await say(operator, chat, 'check Ilze Priede');
    expect(raw).toContain('2 people are called Ilze Priede');
    expect(cards).toHaveLength(2);
    for (const [card, other] of [
      [cards[0], users.sharedNameTwin],
      [cards[1], users.sharedName],
    ] as const) {
      const section = verifySection(card as CardJson);
      expect(section.lines).toContainEqual({ text: `Warning: another user has the same display name (${other.upn}). Make sure you have the right person.`, color: 'Attention' });
      expect(section.facts['Same display name']).toBe('yes, see the warning above');
    }

    expect(verifySection(await findingsCard(users.lookAlike.upn)).lines[1]).toEqual({
      text: 'Warning: the display name has characters that imitate other letters: "і" (Cyrillic, looks like "i"). This account may be posing as someone else.',
      color: 'Attention',
    });
    expect(verifySection(await findingsCard(users.newAccount.upn)).lines[1]?.text).toMatch(/^Warning: this account was created recently, /);
    const guest = await say(operator, personalChat(), `check ${users.guest.upn}`);
    expect(verifySection(guest.cards[0] as CardJson).lines.map((line) => line.text)).toContain(
      'Warning: this is a guest account from another organisation. That organisation manages its sign-in and password; check with your contact there.',
    );
  });

  it('the section is in Latvian for a Latvian operator', async () => {
    const chat = personalChat();
    const before = connector.activities.length;
    await post({ ...teamsMessage(connector.url, operator, chat, `pārbaudi ${users.passwordSpray.upn}`), locale: 'lv-LV' });
    const card = connector.activities.slice(before).flatMap(({ activity }) => (activity.attachments as { content: CardJson }[] | undefined) ?? [])[0]?.content;
    expect(card && cardText(card)).toMatch(/Zvanītāja pārbaude[\s\S]*Brīdinājums: neveiksmīgas vai riskantas pierakstīšanās no valsts[\s\S]*São Paulo, Brazīlija: jauna valsts šim lietotājam/);
  });
});

describe('someone who is not an operator', () => {
  it.each([`check ${users.passwordSpray.upn}`, `unlock ${users.passwordSpray.upn}`, 'Sandra Vītola', "I can't sign in", 'my account is locked'])(
    'sees none of it: %s',
    async (text) => {
      const { raw } = await say(notOperator, personalChat(), text);
      expect(raw).not.toMatch(/Verify the caller|São Paulo|Brazil|192\.0\.2\.145|••••|Manager|Office phone|Mobile phone/);
    },
  );
});
