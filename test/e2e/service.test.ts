/**
 * The whole service over HTTP: the real restify server and CloudAdapter, the simulated tenant on
 * loopback, and a capture server standing in for the Bot Connector. Activities are posted to
 * `/api/messages` exactly as Teams posts them.
 */
import { createHash } from 'node:crypto';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { findUser } from '../../src/simulator/state';
import { button, buttonTitles, cardButtons, cardText, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import { teamsCardAction, teamsInstallation, teamsMessage, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';
import { personalChat, postActivity } from '../support/http';

const TEMPORARY_PASSWORD = 'E2e#Temp-9876-Pass';
const users = SEEDED.users;
const operator: Person = users.operator;
const notOperator: Person = users.healthy;

let app: UnlockApp;
let connector: CaptureConnector;
const logLines: string[] = [];

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'debug' }), {
    logDestination: { write: (line: string) => void logLines.push(line) },
    generatePassword: () => TEMPORARY_PASSWORD,
    retry: FAST_RETRY,
  });
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

const post = (activity: unknown): Promise<{ status: number; body: unknown }> => postActivity(app.url, activity);

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

/** Sends a message and answers the cards the bot sent back to the conversation through the connector. */
async function say(from: Person, conversation: TeamsConversation, text: string): Promise<CardJson[]> {
  const before = connector.activities.length;
  const { status } = await post(teamsMessage(connector.url, from, conversation, text));
  expect(status).toBe(200);
  return connector.activities.slice(before).flatMap(({ activity }) => {
    const attachments = (activity.attachments as { content: CardJson }[] | undefined) ?? [];
    return attachments.map((attachment) => attachment.content);
  });
}

async function clickOn(from: Person, conversation: TeamsConversation, card: CardJson, title: string): Promise<CardJson> {
  const { status, body } = await post(teamsCardAction(connector.url, from, conversation, button(card, title)));
  expect(status).toBe(200);
  const answer = body as { statusCode: number; type: string; value: CardJson };
  expect(answer).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' });
  return answer.value;
}

/** A card's buttons in order, with their style: the rows in its body, then its own actions. */
function cardButtonsOf(card: CardJson): { title: string; style?: string }[] {
  return cardButtons(card) as { title: string; style?: string }[];
}

function writes(): string[] {
  return app.simulator ? tenantWrites(app.simulator) : [];
}

describe('over HTTP, as Teams talks to the bot', () => {
  it('answers the health probe', async () => {
    const response = await fetch(`${app.url}/healthz`);
    expect(response.status).toBe(200);
  });

  it('issues a Temporary Access Pass within the policy: the pass only in the invoke answer, never at the connector', async () => {
    const chat = personalChat();
    const [card] = await say(operator, chat, `unlock ${users.mfaTrouble.upn}`);
    const confirm = await clickOn(operator, chat, card as CardJson, 'Temporary Access Pass');
    const before = connector.activities.length;
    const { status, body } = await post(
      teamsCardAction(connector.url, operator, chat, { ...button(confirm, 'Yes, do it'), data: { ...button(confirm, 'Yes, do it').data, lifetimeMinutes: '60', usableOnce: 'true' } }),
    );
    expect(status).toBe(200);
    const shown = (body as { value: CardJson }).value;
    expect(cardText(shown)).toMatch(/Temporary Access Pass for Nestor Wilke/);
    const pass = findUser(app.simulator?.tenant as never, users.mfaTrouble.upn)?.user.authentication.methods.find((method) => method.kind === 'temporaryAccessPass');
    expect(pass).toBeDefined();
    // The pass is the line whose hash the tenant kept (a pass may hold '@' or any symbol of Entra's alphabet).
    const passSha256 = (pass as { passSha256?: string }).passSha256;
    const secretLine = cardText(shown)
      .split('\n')
      .find((line) => createHash('sha256').update(line.trim(), 'utf8').digest('hex') === passSha256);
    expect(secretLine).toBeDefined();
    expect(JSON.stringify(connector.activities.slice(before))).not.toContain(secretLine as string);
    expect(logLines.join('\n')).not.toContain(secretLine as string);
  });

  it('shows the findings card, confirms a click, writes to the tenant and updates the card', async () => {
    const chat = personalChat();
    const [card] = await say(operator, chat, `unlock ${users.signInBlocked.upn}`);
    expect(card && cardText(card)).toMatch(/Account check: Līga Kalniņa[\s\S]*Sign-in is blocked/);
    app.simulator?.resetLog();

    const confirm = await clickOn(operator, chat, card as CardJson, 'Allow sign-in');
    expect(cardText(confirm)).toMatch(/Allow Līga Kalniņa to sign in again\?/);
    expect(writes()).toEqual([]);

    const result = await clickOn(operator, chat, confirm, 'Yes, do it');
    expect(cardText(result)).toMatch(/Allow sign-in: done/);
    expect(buttonTitles(result)).not.toContain('Allow sign-in');
    expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);

    const [again] = await say(operator, chat, `check ${users.signInBlocked.upn}`);
    expect(again && cardText(again)).not.toMatch(/Sign-in is blocked/);
  });

  it('refuses a non-operator, with no write', async () => {
    const chat = personalChat();
    const before = connector.activities.length;
    await post(teamsMessage(connector.url, notOperator, chat, `unlock ${users.everything.upn}`));
    expect(JSON.stringify(connector.activities.slice(before))).toMatch(/Only members of the helpdesk group/);

    const [card] = await say(operator, chat, `unlock ${users.everything.upn}`);
    app.simulator?.resetLog();
    const refused = await clickOn(notOperator, chat, card as CardJson, 'Allow sign-in');
    expect(cardText(refused)).toMatch(/Only members of the helpdesk group can make changes/);
    expect(writes()).toEqual([]);
  });

  it('offers nothing for a privileged target and refuses a forged click, with no write', async () => {
    const chat = personalChat();
    const [card] = await say(operator, chat, `unlock ${users.globalAdmin.upn}`);
    expect(buttonTitles(card as CardJson)).toEqual(['Check again']);
    app.simulator?.resetLog();
    const { data } = button(card as CardJson, 'Check again');
    const { body } = await post(
      teamsCardAction(connector.url, operator, chat, { verb: 'unlock.confirm', data: { ...data, step: 'resetPassword' } }),
    );
    expect(cardText((body as { value: CardJson }).value)).toMatch(/not offered on this card/);
    expect(writes()).toEqual([]);
  });

  it('keeps the temporary password out of every channel message, log line and stored state', async () => {
    const chat = personalChat();
    const [card] = await say(operator, chat, `unlock ${users.smartLockout.upn}`);
    const confirm = await clickOn(operator, chat, card as CardJson, 'Reset password');
    const before = connector.activities.length;
    const shown = await clickOn(operator, chat, confirm, 'Yes, do it');
    expect(cardText(shown)).toContain(TEMPORARY_PASSWORD);
    expect(connector.activities.length).toBeGreaterThan(before);

    expect(JSON.stringify(connector.activities)).not.toContain(TEMPORARY_PASSWORD);
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.join('\n')).not.toContain(TEMPORARY_PASSWORD);
    expect(JSON.stringify(app.storage)).not.toContain(TEMPORARY_PASSWORD);
    expect(JSON.stringify(app.simulator?.requests)).not.toContain(TEMPORARY_PASSWORD);
  });

  it('understands a plain request: the person in a Latvian case, the step asked for first and highlighted', async () => {
    const [card] = await say(operator, personalChat(), 'lūdzu atsauc sesijas Pēterim Liepam');
    expect(card && cardText(card)).toMatch(/Account check: Pēteris Liepa/);
    const [first] = cardButtonsOf(card as CardJson);
    expect(first).toMatchObject({ title: 'Revoke sessions', style: 'positive' });
  });

  it('answers a near miss with "Did you mean", and someone else writing the same with help about themselves', async () => {
    const [choice] = await say(operator, personalChat(), 'is megnb@contoso.com locked out?');
    expect(choice && cardText(choice)).toMatch(/No user matches "megnb@contoso\.com"\. Did you mean this person\?/);
    expect(buttonTitles(choice as CardJson)).toEqual(['Megan Bowen (meganb@contoso.com)']);

    app.simulator?.resetLog();
    const [help] = await say(notOperator, personalChat(), "reset Megan Bowen's password");
    expect(help && cardText(help)).toMatch(/Can't sign in to Microsoft 365\?/);
    expect(help && cardText(help)).not.toMatch(/Megan|meganb/);
    const lookups = (app.simulator?.requests ?? []).filter((request) => /\/users$/.test(request.path) && /\$(?:filter|search)=/.test(request.query));
    expect(lookups).toEqual([]);
  });

  it('says hello when installed, once, and to small talk', async () => {
    const chat = personalChat();
    const before = connector.activities.length;
    expect((await post(teamsInstallation(connector.url, operator, chat))).status).toBe(200);
    expect((await post(teamsInstallation(connector.url, operator, chat, 'add-upgrade'))).status).toBe(200);
    expect((await post(teamsMessage(connector.url, notOperator, chat, 'thanks!'))).status).toBe(200);
    const texts = connector.activities.slice(before).map(({ activity }) => activity.text);
    expect(texts).toEqual([expect.stringMatching(/^Hello! I am Unlock\./), expect.stringMatching(/^You are welcome!/)]);
  });

  it('logs JSON lines that tie each Graph request-id to the turn that caused it', async () => {
    const before = logLines.length;
    await say(operator, personalChat(), `unlock ${users.healthy.upn}`);
    const lines = logLines.slice(before).map((line) => JSON.parse(line) as Record<string, unknown>);
    const turn = lines.find((line) => line.msg === 'turn served');
    const graphCalls = lines.filter((line) => line.msg === 'graph call');
    expect(turn?.correlationId).toEqual(expect.any(String));
    expect(graphCalls.length).toBeGreaterThan(0);
    for (const call of graphCalls) {
      expect(call.correlationId).toBe(turn?.correlationId);
      expect((call.graph as { requestId?: string }).requestId).toEqual(expect.any(String));
    }
  });

  it('ignores an activity from a tenant outside the allow-list, without calling Graph', async () => {
    app.simulator?.resetLog();
    const before = connector.activities.length;
    const { status } = await post(
      teamsMessage(connector.url, operator, personalChat(), `unlock ${users.signInBlocked.upn}`, 'f00df00d-0000-4000-8000-000000000000'),
    );
    expect(status).toBe(200);
    expect(connector.activities.length).toBe(before);
    expect(app.simulator?.requests.filter((request) => request.api !== 'control')).toEqual([]);
  });

  it('answers malformed bodies with 400 and keeps serving', async () => {
    const bad = await fetch(`${app.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"type":' });
    expect(bad.status).toBe(400);
    const [card] = await say(operator, personalChat(), `unlock ${users.healthy.upn}`);
    expect(card && cardText(card)).toMatch(/Account check: Jānis Ozols/);
  });
});

describe('with a Bot Framework app id', () => {
  it('answers 401 to a POST without a valid token', async () => {
    const securedLog: string[] = [];
    const secured = await startUnlock(
      loadConfig({
        PORT: '0',
        PLAYGROUND: 'off',
        LOG_LEVEL: 'warn',
        MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
        MicrosoftAppPassword: 'not-a-real-secret',
        HOST: '127.0.0.1',
        STORAGE: 'memory',
      }),
      { logDestination: { write: (line: string) => void securedLog.push(line) } },
    );
    try {
      app.simulator?.resetLog();
      const activity = teamsMessage(connector.url, operator, personalChat(), `unlock ${users.signInBlocked.upn}`);
      const noToken = await fetch(`${secured.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(activity) });
      expect(noToken.status).toBe(401);
      const forged = await fetch(`${secured.url}/api/messages`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: 'Bearer forged.token.value' },
        body: JSON.stringify(activity),
      });
      expect(forged.status).toBe(401);
      // Through the structured log, once for the two refusals from this source: no stack traces, no flood.
      const refusals = securedLog.filter((line) => line.includes('request rejected: not authenticated'));
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).not.toContain('forged.token.value');
      expect(secured.simulator?.requests.filter((request) => request.api !== 'control')).toEqual([]);
    } finally {
      await secured.stop();
    }
  });
});
