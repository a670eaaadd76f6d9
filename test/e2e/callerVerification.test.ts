/**
 * Stopping the impostor over HTTP, as Teams talks to the bot: limits on writes (refused, audited, and
 * an alert card posted to the alert channel), the alert channel chosen by operators only, and the
 * user's (or manager's) own confirmation in Teams, asked with a proactive 1:1 message captured at the
 * stand-in Bot Connector.
 */
import { StorageAuditLog } from '../../src/adapters/audit/storageAuditLog';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { installedTeamsApps, personalChatId } from '../../src/simulator';
import { button, buttonTitles, cardText, type CardJson, type Person } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector, type CapturedActivity } from '../support/connector';
import { teamsCardAction, teamsChannelMessage, teamsMessage, type TeamsChannel, type TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';
import { cardsIn, personalChat, postActivity } from '../support/http';

const users = SEEDED.users;
const operator: Person = users.operator;
const secondOperator: Person = users.secondOperator;
const endUser: Person = users.healthy;
const alertChannel: TeamsChannel = { teamId: '19:team-it@thread.tacv2', channelId: '19:helpdesk-alerts@thread.tacv2' };

let app: UnlockApp;
let connector: CaptureConnector;

beforeAll(async () => {
  connector = await startCaptureConnector();
  app = await startUnlock(
    loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent', LIMIT_ALLOW_SIGN_IN_PER_OPERATOR: '1/15m', LIMIT_RESET_PASSWORD_PER_OPERATOR: '2/15m' }),
    { retry: FAST_RETRY, generatePassword: () => 'Tmp#Pass-1234-word' },
  );
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
});

afterEach(() => {
  expect(connector.unfilled).toEqual([]);
});

function writes(): string[] {
  return tenantWrites(app.simulator as never);
}

const post = (activity: unknown): Promise<{ status: number; body: unknown }> => postActivity(app.url, activity);

/** Posts an activity and answers what reached the connector meanwhile. */
async function sent(activity: unknown): Promise<{ body: unknown; captured: CapturedActivity[] }> {
  const before = connector.activities.length;
  const { status, body } = await post(activity);
  expect(status).toBe(200);
  return { body, captured: connector.activities.slice(before) };
}

function invokeAnswer(body: unknown): CardJson {
  return (body as { value: CardJson }).value;
}

async function say(from: Person, chat: TeamsConversation, text: string): Promise<CardJson[]> {
  return cardsIn((await sent(teamsMessage(connector.url, from, chat, text))).captured);
}

async function click(from: Person, chat: TeamsConversation, card: CardJson, title: string, extra: Record<string, unknown> = {}): Promise<CardJson> {
  const { verb, data } = button(card, title);
  return invokeAnswer((await sent(teamsCardAction(connector.url, from, chat, { verb, data: { ...data, ...extra } }))).body);
}

function route(captured: CapturedActivity): string {
  return decodeURIComponent(captured.path);
}

function auditOf(userId: string) {
  return new StorageAuditLog(app.storage).forTarget(userId, 20);
}

describe('the alert channel', () => {
  it('is chosen by an operator saying so in a channel (English or Latvian); anyone else is refused and nothing is stored', async () => {
    const { captured: refused } = await sent(teamsChannelMessage(connector.url, endUser, alertChannel, 'thread-1', 'use this channel for alerts'));
    expect(refused.map(({ activity }) => activity.text)).toEqual(['Only members of the helpdesk group can choose where alerts go.']);
    expect(await app.storage.read(['alerts/channel'])).toEqual({});

    const { captured: inChat } = await sent(teamsMessage(connector.url, operator, personalChat(), 'use this channel for alerts'));
    expect(inChat.map(({ activity }) => activity.text)).toEqual(['Say this in the channel where alerts should go, mentioning me there.']);

    const { captured: latvian } = await sent(
      teamsChannelMessage(connector.url, secondOperator, alertChannel, 'thread-2', 'izmanto šo kanālu brīdinājumiem', { locale: 'lv-LV' }),
    );
    expect(latvian.map(({ activity }) => activity.text)).toEqual([expect.stringMatching(/^Turpmāk Unlock brīdinājumi tiks publicēti šajā kanālā/)]);

    const { captured: set } = await sent(teamsChannelMessage(connector.url, operator, alertChannel, 'thread-3', 'use this channel for alerts'));
    expect(set.map(({ activity }) => activity.text)).toEqual([expect.stringMatching(/^From now on, Unlock posts its alerts here/)]);
    expect(await app.storage.read(['alerts/channel'])).toMatchObject({ 'alerts/channel': { value: { address: { conversationId: alertChannel.channelId }, setBy: { aadObjectId: operator.id } } } });
  });
});

describe('limits on writes', () => {
  it('past the per-operator limit the write is refused at the Yes, audited, and an alert card names who, what and how often', async () => {
    const chat = personalChat();
    // A confirmation opened while the operator was still under the limit: the count is checked again
    // at its Yes, where it decides.
    const [third] = await say(operator, chat, `unlock ${users.signInBlocked.upn}`);
    const confirm = await click(operator, chat, third as CardJson, 'Reset password');
    expect(cardText(confirm)).toMatch(/I called them back on a number from the directory/);
    // LIMIT_RESET_PASSWORD_PER_OPERATOR=2/15m: two resets go through.
    for (const person of [users.healthy, users.smartLockout]) {
      const [card] = await say(operator, chat, `unlock ${person.upn}`);
      const open = await click(operator, chat, card as CardJson, 'Reset password');
      const done = await click(operator, chat, open, 'Yes, do it', { verifiedBy: 'calledBack' });
      expect(cardText(done)).toMatch(/Temporary password for/);
    }
    app.simulator?.resetLog();
    const before = connector.activities.length;
    const refused = await click(operator, chat, confirm, 'Yes, do it', { verifiedBy: 'calledBack' });
    expect(cardText(refused)).toMatch(
      /Reset password: you have reached the limit of 2 per operator in 15 minutes\. Nothing was changed, and the helpdesk has been alerted\. The next one is possible from /,
    );
    expect(writes()).toEqual([]);

    const posted = connector.activities.slice(before);
    expect(posted.map(route)).toEqual([expect.stringMatching(new RegExp(`^/v3/conversations/${escape(alertChannel.channelId)}/activities`))]);
    const alert = cardText(cardsIn(posted)[0] as CardJson);
    expect(alert).toMatch(/^Alert: limit reached for Reset password/);
    expect(alert).toMatch(/Alex Wilber tried to do it for Līga Kalniņa \(.*\) at .*: that would have been number 3 by Alex Wilber in 15 minutes, and the limit per operator is 2\. It was refused\./);
    expect(alert).not.toContain('Tmp#Pass-1234-word');

    const [latest] = await auditOf(users.signInBlocked.id);
    expect(latest).toMatchObject({ step: 'resetPassword', actor: { aadObjectId: operator.id }, outcome: { kind: 'refused', reason: 'limitReached' }, verifiedBy: 'calledBack' });
  });

  it('once the limit is reached, the first click already says so (no caller is verified for nothing), and it is audited', async () => {
    const chat = personalChat();
    const [card] = await say(operator, chat, `unlock ${users.restrictedSender.upn}`);
    app.simulator?.resetLog();
    const before = connector.activities.length;
    const refused = await click(operator, chat, card as CardJson, 'Reset password');
    expect(cardText(refused)).toMatch(/you have reached the limit of 2 per operator in 15 minutes/);
    expect(buttonTitles(refused)).toContain('Reset password');
    expect(writes()).toEqual([]);
    const [latest] = await auditOf(users.restrictedSender.id);
    expect(latest).toMatchObject({ step: 'resetPassword', outcome: { kind: 'refused', reason: 'limitReached' } });
    // Clicking on and on: refused and audited each time, but the alert channel had its alert for this
    // operator, step and window already (the test above), and gets no flood of cards.
    await click(operator, chat, card as CardJson, 'Reset password');
    expect((await auditOf(users.restrictedSender.id)).filter((record) => record.outcome.kind === 'refused')).toHaveLength(2);
    expect(connector.activities.slice(before).filter((item) => route(item).includes(alertChannel.channelId))).toEqual([]);
    // Another operator has a count of their own.
    const [other] = await say(secondOperator, chat, `unlock ${users.restrictedSender.upn}`);
    expect(cardText(await click(secondOperator, chat, other as CardJson, 'Reset password'))).toMatch(/I called them back on a number from the directory/);
  });
});

/** The question that reached the connector in a person's 1:1 chat with Unlock (the chat id Graph gave). */
function questionIn(captured: readonly CapturedActivity[], person: Person): { card: CardJson; promptId: string } {
  const sent = captured.find((item) => route(item).startsWith(`/v3/conversations/${personalChatId(person.id)}/activities`));
  if (!sent) throw new Error(`no question reached ${person.displayName}'s chat; routes: ${JSON.stringify(captured.map(route))}`);
  const card = cardsIn([sent])[0] as CardJson;
  return { card, promptId: String(button(card, 'Yes').data.promptId) };
}

async function answer(from: Person, chat: TeamsConversation, promptId: string, yes: boolean): Promise<{ card: CardJson; captured: CapturedActivity[] }> {
  const { body, captured } = await sent(teamsCardAction(connector.url, from, chat, { verb: 'unlock.answerConfirmation', data: { promptId, answer: yes ? 'yes' : 'no' } }));
  return { card: invokeAnswer(body), captured };
}

/** The operator opens the reset and says Yes with "ask the user (or manager) in Teams": the question goes out. */
async function askInTeams(from: Person, chat: TeamsConversation, person: Person & { readonly upn: string }, method: 'userInTeams' | 'managerInTeams') {
  const [card] = await say(from, chat, `unlock ${person.upn}`);
  const confirm = await click(from, chat, card as CardJson, 'Reset password');
  const { verb, data } = button(confirm, 'Yes, do it');
  const { body, captured } = await sent(teamsCardAction(connector.url, from, chat, { verb, data: { ...data, verifiedBy: method } }));
  return { answer: invokeAnswer(body), captured };
}

describe('limits and failed writes', () => {
  it('a write that failed gives its slot back (LIMIT_ALLOW_SIGN_IN_PER_OPERATOR=1/15m): the retry is allowed, the next one is not', async () => {
    const chat = personalChat();
    const person = users.signInBlocked;
    const [card] = await say(operator, chat, `unlock ${person.upn}`);
    const confirm = await click(operator, chat, card as CardJson, 'Allow sign-in');
    app.simulator?.addFault({ method: 'PATCH', path: `/users/${person.id}`, status: 403, code: 'Authorization_RequestDenied' });
    expect(cardText(await click(operator, chat, confirm, 'Yes, do it'))).toMatch(/Allow sign-in failed/);
    app.simulator?.clearFaults();
    expect(cardText(await click(operator, chat, confirm, 'Yes, do it'))).toMatch(/Allow sign-in: done/);

    // Blocked again (by an administrator, say): the next Allow sign-in is past the limit.
    const blocked = app.simulator?.tenant.users.find((user) => user.id === person.id);
    if (blocked) blocked.accountEnabled = false;
    const [again] = await say(operator, chat, `unlock ${person.upn}`);
    expect(cardText(await click(operator, chat, again as CardJson, 'Allow sign-in'))).toMatch(/Allow sign-in: you have reached the limit of 1 per operator in 15 minutes/);
  });
});

describe('confirmed by the user in Teams', () => {
  it('asks the user in a 1:1 chat (installing Unlock for them first); their Yes lets the operator go on, and the audit keeps who said Yes', async () => {
    const chat = personalChat();
    const person = users.failedSignIns;
    expect(installedTeamsApps(app.simulator?.tenant as never, person.id)).toEqual([]);
    app.simulator?.resetLog();
    const { answer: asked, captured } = await askInTeams(secondOperator, chat, person, 'userInTeams');
    expect(cardText(asked)).toMatch(new RegExp(`I asked ${person.displayName} in Teams to confirm: Reset password\\. When ${person.displayName} answers Yes, a confirmation appears here for you\\. The question expires in 5 minutes\\. Nothing has been changed yet\\.`));
    // Installed through Graph, the chat read, and nothing changed on the account.
    expect(writes()).toEqual([`POST /v1.0/users/${person.id}/teamwork/installedApps`]);
    expect(installedTeamsApps(app.simulator?.tenant as never, person.id)).toHaveLength(1);
    const question = questionIn(captured, person);
    expect(cardText(question.card)).toMatch(/^The helpdesk is about to reset your password at your request\. Was that you\?\nAsked by Christie Cline from the helpdesk at /);
    expect(buttonTitles(question.card)).toEqual(['Yes', 'No']);

    // The user says Yes in their 1:1 chat (Teams sends it with the chat's Bot Framework id).
    app.simulator?.resetLog();
    const { card: thanks, captured: notice } = await answer(person, personalChat(), question.promptId, true);
    expect(cardText(thanks)).toBe('Thank you. The helpdesk can go on.');
    expect(notice.map(route)).toEqual([expect.stringMatching(new RegExp(`^/v3/conversations/${escape(chat.id)}/activities`))]);
    const confirmed = cardsIn(notice)[0] as CardJson;
    expect(cardText(confirmed)).toMatch(new RegExp(`^Confirmed by ${person.displayName} in Teams at .*\\. Continue\\?`));

    // Continue: the confirmation again, now with the Yes behind it and no choice to make.
    const again = await click(secondOperator, chat, confirmed, 'Continue: Reset password');
    expect(cardText(again)).toMatch(new RegExp(`Confirmed by ${person.displayName} in Teams at`));
    expect(cardText(again)).not.toMatch(/I called them back/);
    expect(writes()).toEqual([]);
    const done = await click(secondOperator, chat, again, 'Yes, do it');
    expect(cardText(done)).toMatch(/Temporary password for/);
    expect(writes()).toEqual([`PATCH /v1.0/users/${person.id}`]);
    const [succeeded] = await auditOf(person.id);
    expect(succeeded).toMatchObject({
      step: 'resetPassword',
      outcome: { kind: 'succeeded' },
      verifiedBy: 'userInTeams',
      answeredInTeams: { aadObjectId: person.id, name: person.displayName, answer: 'yes' },
    });
    // `history` shows how the caller was verified, and who said Yes.
    const [history] = await say(secondOperator, chat, `history ${person.upn}`);
    expect(cardText(history as CardJson)).toMatch(new RegExp(` · Christie Cline · Reset password · done · verified: ${person.displayName} said Yes in Teams$`, 'm'));
  });

  it('a No refuses the step, tells the operator, is audited, and posts an alert card to the alert channel', async () => {
    const chat = personalChat();
    const person = users.forwardingRule;
    const { captured } = await askInTeams(secondOperator, chat, person, 'userInTeams');
    const question = questionIn(captured, person);

    app.simulator?.resetLog();
    const { card: thanks, captured: after } = await answer(person, personalChat(), question.promptId, false);
    expect(cardText(thanks)).toBe('Thank you. Nothing will be changed, and the helpdesk has been alerted.');
    const alert = after.find((item) => route(item).startsWith(`/v3/conversations/${alertChannel.channelId}/activities`));
    expect(alert && cardText(cardsIn([alert])[0] as CardJson)).toMatch(
      new RegExp(`^Alert: a No to a confirmation in Teams\\nChristie Cline was about to do this for ${person.displayName} \\(.*\\): Reset password\\. Asked in Teams, ${person.displayName} answered at .* that the request did not come from them\\. Nothing was changed\\.`),
    );
    const told = after.find((item) => route(item).startsWith(`/v3/conversations/${chat.id}/activities`));
    expect(told && cardText(cardsIn([told])[0] as CardJson)).toMatch(new RegExp(`^${person.displayName} answered No in Teams at .*: the request did not come from them\\.`));
    const [denied] = await auditOf(person.id);
    expect(denied).toMatchObject({ step: 'resetPassword', actor: { aadObjectId: secondOperator.id }, outcome: { kind: 'refused', reason: 'deniedInTeams' }, verifiedBy: 'userInTeams', answeredInTeams: { aadObjectId: person.id, answer: 'no' } });

    const [history] = await say(secondOperator, chat, `history ${person.upn}`);
    expect(cardText(history as CardJson)).toMatch(new RegExp(` · Christie Cline · Reset password · refused \\(answered No in Teams\\) · No from ${person.displayName} in Teams`));

    // Asking again is refused while the No stands; no second question, no write.
    const { answer: refused, captured: none } = await askInTeams(secondOperator, chat, person, 'userInTeams');
    expect(cardText(refused)).toMatch(new RegExp(`${person.displayName} answered No in Teams at`));
    expect(none.filter((item) => route(item).includes(personalChatId(person.id)))).toEqual([]);
    expect(writes()).toEqual([]);
  });

  it('asks in the language the person chose for Unlock ("language lv" in their own chat)', async () => {
    const person = users.mfaTrouble;
    await sent(teamsMessage(connector.url, person, personalChat(), 'language lv'));
    const { captured } = await askInTeams(secondOperator, personalChat(), person, 'userInTeams');
    const latvian = captured.find((item) => route(item).startsWith(`/v3/conversations/${personalChatId(person.id)}/activities`));
    const latvianCard = cardsIn(latvian ? [latvian] : [])[0] as CardJson;
    expect(cardText(latvianCard)).toMatch(/^Palīdzības dienests pēc jūsu lūguma gatavojas atiestatīt jūsu paroli\. Vai to lūdzāt jūs\?/);
    expect(buttonTitles(latvianCard)).toEqual(['Jā', 'Nē']);

    // Someone who chose nothing is asked in the operator's language: the tests above (English).
  });

  it('asks the manager instead, in the manager\'s own chat and words', async () => {
    const chat = personalChat();
    const person = users.ssprNotRegistered;
    const manager = app.simulator?.tenant.users.find((user) => user.id === app.simulator?.tenant.users.find((u) => u.id === person.id)?.managerId);
    expect(manager).toBeDefined();
    const { captured } = await askInTeams(secondOperator, chat, person, 'managerInTeams');
    const question = questionIn(captured, { id: manager?.id ?? '', displayName: manager?.displayName ?? '' } as Person);
    expect(cardText(question.card)).toMatch(new RegExp(`^The helpdesk was asked to do this for ${person.displayName}, who reports to you: Reset password\\. Did ${person.displayName} ask for it\\?`));
    // The user themselves cannot answer their manager's question.
    const { card: gone } = await answer(person, personalChat(), question.promptId, true);
    expect(cardText(gone)).toBe('This question has expired or was answered already. Nothing was changed.');
  });

  it('Secure account asks once for all its parts; the one Yes covers each part, recorded on each, and is used up', async () => {
    const chat = personalChat();
    const person = users.atRisk;
    const [card] = await say(secondOperator, chat, `unlock ${person.upn}`);
    const confirm = await click(secondOperator, chat, card as CardJson, 'Secure account');
    const { verb, data } = button(confirm, 'Yes, do it');
    app.simulator?.resetLog();
    const { captured } = await sent(teamsCardAction(connector.url, secondOperator, chat, { verb, data: { ...data, verifiedBy: 'userInTeams' } }));
    const question = questionIn(captured, person);
    expect(cardText(question.card)).toMatch(/^The helpdesk is about to secure your account at your request: a new password, suspicious mail rules and sign-in methods removed, and you signed out everywhere\. Was that you\?/);
    expect(writes()).toEqual([`POST /v1.0/users/${person.id}/teamwork/installedApps`]);

    app.simulator?.resetLog();
    const { captured: notice } = await answer(person, personalChat(), question.promptId, true);
    const again = await click(secondOperator, chat, cardsIn(notice)[0] as CardJson, 'Continue: Secure account');
    const done = await click(secondOperator, chat, again, 'Yes, do it');
    expect(cardText(done)).toMatch(new RegExp(`Temporary password for ${person.displayName}`));
    // The password first, the authenticator added recently removed, the sessions last.
    expect(writes()).toEqual([
      `PATCH /v1.0/users/${person.id}`,
      expect.stringMatching(new RegExp(`^DELETE /v1.0/users/${person.id}/authentication/microsoftAuthenticatorMethods/`)),
      `POST /v1.0/users/${person.id}/revokeSignInSessions`,
    ]);
    const succeeded = (await auditOf(person.id)).filter((record) => record.outcome.kind === 'succeeded');
    expect(succeeded.map((record) => record.step).sort()).toEqual(['removeSignInMethod', 'resetPassword', 'revokeSessions']);
    for (const record of succeeded) {
      expect(record).toMatchObject({ verifiedBy: 'userInTeams', answeredInTeams: { aadObjectId: person.id, answer: 'yes' } });
    }
    // The same Yes replayed on the same confirmation changes nothing more.
    app.simulator?.resetLog();
    expect(cardText(await click(secondOperator, chat, again, 'Yes, do it'))).not.toMatch(/Temporary password/);
    expect(writes()).toEqual([]);
  });
});

function escape(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
