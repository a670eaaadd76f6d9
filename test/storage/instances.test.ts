/**
 * Several real bot processes (`node src/host/index.js`) sharing one Blob Storage container behave as
 * one bot: a dialog goes on through another instance, a card acts through another instance, the same
 * confirmation on two instances at once makes one change; a process killed with SIGKILL and started
 * again loses nothing; SIGTERM lets the turn in flight finish before the process exits.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BlobAuditLog } from '../../src/adapters/audit/blobAuditLog';
import { containerClient } from '../../src/adapters/storage/blobContainer';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SEEDED } from '../../src/simulator/seeded';
import type { CardJson } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import { teamsMessage, type TeamsConversation } from '../support/teamsActivity';
import { tenantWrites } from '../support/tenant';
import { connectionStringVia, startTestAzurite, type RunningAzurite } from './support/azurite';
import { buildBot, removeScratchFolders, scratchFolder, startBotProcess, type BotProcess } from './support/botProcess';
import { startStorageProxy, type StorageProxy } from './support/storageProxy';
import { TeamsClient } from './support/teamsClient';

const CONTAINER = 'unlock';
const users = SEEDED.users;
const operator = users.operator;

let entry: string;
let azurite: RunningAzurite;
let proxy: StorageProxy;
let simulator: RunningSimulator;
let connector: CaptureConnector;
let teams: TeamsClient;
let a: BotProcess;
let b: BotProcess;
const started: BotProcess[] = [];

function startInstance(): Promise<BotProcess> {
  return startBotProcess(entry, {
    LOG_LEVEL: 'info',
    STORAGE: 'blob',
    STORAGE_CONNECTION_STRING: connectionStringVia(azurite, proxy.blobEndpoint),
    STORAGE_CONTAINER: CONTAINER,
    GRAPH_ENDPOINT: simulator.url,
    AZURE_TENANT_ID: SEEDED.tenantId,
    HELPDESK_GROUP_ID: SEEDED.helpdeskGroup.id,
  }).then((bot) => {
    started.push(bot);
    return bot;
  });
}

beforeAll(async () => {
  [azurite, simulator, connector] = await Promise.all([startTestAzurite(), startSimulator({ port: 0 }), startCaptureConnector()]);
  proxy = await startStorageProxy({ port: azurite.port, account: 'devstoreaccount1' });
  teams = new TeamsClient(connector);
  entry = buildBot();
  [a, b] = await Promise.all([startInstance(), startInstance()]);
}, 90_000);

afterAll(async () => {
  for (const bot of started) bot.child.kill('SIGKILL');
  await Promise.all(started.map((bot) => bot.exited));
  removeScratchFolders();
  await Promise.all([connector.stop(), simulator.stop(), proxy.stop()]);
  await azurite.stop();
});

const chat = (): TeamsConversation => ({ id: `a:${randomUUID()}`, type: 'personal' });
const writes = () => tenantWrites(simulator);
const audit = () => new BlobAuditLog(containerClient({ kind: 'connectionString', connectionString: azurite.connectionString }, CONTAINER));

async function findingsCard(bot: BotProcess, conversation: TeamsConversation, upn: string): Promise<CardJson> {
  const { cards } = await teams.say(bot.url, operator, conversation, `unlock ${upn}`);
  if (!cards[0]) throw new Error(`no card for ${upn}:\n${bot.output()}`);
  return cards[0];
}

describe('two instances sharing one store', () => {
  it('a dialog started through one continues through the other', async () => {
    const conversation = chat();
    const asked = await teams.say(a.url, operator, conversation, 'unlock');
    expect(asked.texts.join('\n')).toMatch(/Which user is locked out\?/);
    const answered = await teams.say(b.url, operator, conversation, users.smartLockout.upn);
    expect(answered.texts.join('\n')).toMatch(/Account check: Anna Bērziņa/);
  });

  it('a card shown by one acts through the other, and one confirmation clicked on both at once writes once', async () => {
    const conversation = chat();
    const card = await findingsCard(a, conversation, users.signInBlocked.upn);
    const confirm = await teams.click(b.url, operator, conversation, card, 'Allow sign-in');
    expect(confirm.text).toMatch(/Allow Līga Kalniņa to sign in again\?/);
    simulator.resetLog();
    const answers = await Promise.all([a, b].map((bot) => teams.click(bot.url, operator, conversation, confirm.card as CardJson, 'Yes, do it')));
    expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);
    expect(answers.filter((answer) => /Allow sign-in: done/.test(answer.text))).toHaveLength(1);
  });
});

describe('a process killed with SIGKILL and started again', () => {
  it('continues the dialog it was in, acts once on a card shown before, and has every audit record', async () => {
    const conversation = chat();
    expect((await teams.say(a.url, operator, conversation, 'unlock')).texts.join('\n')).toMatch(/Which user is locked out\?/);
    const other = chat();
    const card = await findingsCard(a, other, users.forwardingRule.upn);
    const confirm = await teams.click(a.url, operator, other, card, 'Revoke sessions');
    expect(confirm.text).toMatch(/Lee Gu/);
    const recordsBefore = await audit().forTarget(users.signInBlocked.id, 100);
    expect(recordsBefore.length).toBeGreaterThan(0);

    a.child.kill('SIGKILL');
    expect(await a.exited).toBe('SIGKILL');
    a = await startInstance();

    const answered = await teams.say(a.url, operator, conversation, users.healthy.upn);
    expect(answered.texts.join('\n')).toMatch(/Account check: Jānis Ozols/);
    simulator.resetLog();
    const done = await teams.click(a.url, operator, other, confirm.card as CardJson, 'Yes, do it');
    expect(done.text).toMatch(/Revoke sessions: done/);
    const again = await teams.click(a.url, operator, other, confirm.card as CardJson, 'Yes, do it');
    expect(again.text).not.toMatch(/Revoke sessions: done/);
    expect(writes()).toHaveLength(1);

    expect(await audit().forTarget(users.signInBlocked.id, 100)).toEqual(recordsBefore);
    const history = await teams.say(a.url, operator, chat(), `history ${users.signInBlocked.upn}`);
    expect(history.texts.join('\n')).toMatch(/Alex Wilber · Allow sign-in · done/);
  });
});

describe('SIGTERM', () => {
  it('finishes the turn in flight, takes no new one, and exits cleanly', async () => {
    const conversation = chat();
    // The turn's first read of its dialog state is slow, so the signal comes while the turn runs.
    proxy.fail({ path: /msteams%2Fconversations/, latencyMs: 800, times: 1 });
    const requestsBefore = proxy.requests.length;
    const inFlight = teams.post(b.url, teamsMessage(connector.url, operator, conversation, 'unlock'));
    while (!proxy.requests.slice(requestsBefore).some((request) => /msteams%2Fconversations/.test(request.path))) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    b.child.kill('SIGTERM');
    // Draining has begun once /readyz stops saying ready (or nothing answers any more).
    while ((await fetch(`${b.url}/readyz`).then((response) => response.status).catch(() => 0)) === 200) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const late = await teams.post(b.url, teamsMessage(connector.url, operator, chat(), 'help')).catch((error: unknown) => ({ status: String(error) }));
    const finished = await inFlight.catch((error: unknown) => ({ status: String(error), output: b.output() }));
    expect(finished).toMatchObject({ status: 200 });
    expect([503, 'TypeError: fetch failed']).toContain(late.status);

    expect(JSON.stringify(connector.activities.filter(({ activity }) => (activity.conversation as { id?: string } | undefined)?.id === conversation.id))).toMatch(
      /Which user is locked out\?/,
    );
    expect(await b.exited).toBe(0);
    expect(b.output()).toMatch(/"msg":"stopped"/);
  });
});

describe('npm start with no STORAGE set', () => {
  it('keeps its state in a local Azurite it starts, with the data in .azurite/local/, across a restart', async () => {
    const folder = scratchFolder();
    const tenant = { GRAPH_ENDPOINT: simulator.url, AZURE_TENANT_ID: SEEDED.tenantId, HELPDESK_GROUP_ID: SEEDED.helpdeskGroup.id };
    const local = () => startBotProcess(entry, { LOG_LEVEL: 'info', ...tenant }, folder).then((bot) => (started.push(bot), bot));
    const conversation = chat();
    const first = await local();
    expect(first.output()).toMatch(/Storage: Azure Blob Storage, http:\/\/127\.0\.0\.1:\d+\/devstoreaccount1\/unlock \(Azurite, data in \.azurite\/local\)/);
    expect((await teams.say(first.url, operator, conversation, 'unlock')).texts.join('\n')).toMatch(/Which user is locked out\?/);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(existsSync(join(folder, '.azurite', 'local', '__azurite_db_blob__.json'))).toBe(true);

    const second = await local();
    const answered = await teams.say(second.url, operator, conversation, users.smartLockout.upn);
    expect(answered.texts.join('\n')).toMatch(/Account check: Anna Bērziņa/);
    second.child.kill('SIGTERM');
    expect(await second.exited).toBe(0);
  });
});

describe('a start on a store that cannot be used', () => {
  it('exits 1 before taking any turn, saying why, with no key in the message', async () => {
    const unreachable = azurite.connectionString.replace(`:${azurite.port}/`, ':9/');
    const failed = await startBotProcess(entry, { STORAGE: 'blob', STORAGE_CONNECTION_STRING: unreachable }).catch((error: unknown) => String(error));
    expect(failed).toMatch(/exited \(1\) before it started:[\s\S]*\nUnlock cannot start: Storage is not reachable: container "unlock" at http:\/\/127\.0\.0\.1:9\/devstoreaccount1\/unlock \(ECONNREFUSED\)/);
    expect(failed).not.toMatch(/AccountKey|Eby8/);
  });
});
