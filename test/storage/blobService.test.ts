/**
 * The whole service over HTTP on Blob Storage (Azurite behind a proxy that can fail): the layout of
 * what it keeps, no secret anywhere in the container after a password reset, the health endpoints,
 * and what a user sees when the store fails or goes away mid-run: told to try again, no change to
 * the account without its claim, nothing recorded as done that was not.
 */
import { randomUUID } from 'node:crypto';
import { BlobAuditLog } from '../../src/adapters/audit/blobAuditLog';
import { containerClient } from '../../src/adapters/storage/blobContainer';
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import type { CardJson } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import type { TeamsConversation } from '../support/teamsActivity';
import { FAST_RETRY, tenantWrites } from '../support/tenant';
import { connectionStringVia, everyBlob, startTestAzurite, type RunningAzurite } from './support/azurite';
import { startStorageProxy, type StorageProxy } from './support/storageProxy';
import { TeamsClient } from './support/teamsClient';

const PASSWORD = 'Blob#Temp-4821-Pass';
const CONTAINER = 'unlock-service';
const users = SEEDED.users;
const operator = users.operator;

let azurite: RunningAzurite;
let proxy: StorageProxy;
let connector: CaptureConnector;
let app: UnlockApp;
let teams: TeamsClient;

beforeAll(async () => {
  azurite = await startTestAzurite();
  proxy = await startStorageProxy({ port: azurite.port, account: 'devstoreaccount1' });
  connector = await startCaptureConnector();
  teams = new TeamsClient(connector);
  app = await startUnlock(
    loadConfig({
      PORT: '0',
      PLAYGROUND: 'off',
      LOG_LEVEL: 'silent',
      STORAGE: 'blob',
      STORAGE_CONNECTION_STRING: connectionStringVia(azurite, proxy.blobEndpoint),
      STORAGE_CONTAINER: CONTAINER,
    }),
    { generatePassword: () => PASSWORD, retry: FAST_RETRY, readinessReuseMs: 0 },
  );
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
  await proxy.stop();
  await azurite.stop();
});

afterEach(() => proxy.clearFaults());

const chat = (): TeamsConversation => ({ id: `a:${randomUUID()}`, type: 'personal' });
const audit = () => new BlobAuditLog(containerClient({ kind: 'connectionString', connectionString: azurite.connectionString }, CONTAINER));
const writes = () => (app.simulator ? tenantWrites(app.simulator) : []);

async function findingsCard(conversation: TeamsConversation, upn: string): Promise<CardJson> {
  const { cards } = await teams.say(app.url, operator, conversation, `unlock ${upn}`);
  if (!cards[0]) throw new Error(`no card for ${upn}`);
  return cards[0];
}

function clickText(conversation: TeamsConversation, card: CardJson, title: string): Promise<{ text: string; card?: CardJson }> {
  return teams.click(app.url, operator, conversation, card, title);
}

describe('on Blob Storage, over HTTP', () => {
  it('keeps every kind of record under its documented prefix, and no secret anywhere after a reset', async () => {
    const conversation = chat();
    const card = await findingsCard(conversation, users.failedSignIns.upn);
    const confirm = await clickText(conversation, card, 'Reset password');
    const shown = await clickText(conversation, confirm.card as CardJson, 'Yes, do it');
    expect(shown.text).toContain(PASSWORD);

    const blobs = await everyBlob(azurite.connectionString, CONTAINER);
    const prefixes = new Set(blobs.map((blob) => /^(cards%2F[a-z]+%2F|claims\/|audit\/|limits\/|msteams%2F[a-z]+%2F)/.exec(blob.name)?.[1] ?? blob.name));
    // `limits/`: the reset was counted against the operator's and the user's limits.
    expect([...prefixes].sort()).toEqual(['audit/', 'cards%2Foffers%2F', 'claims/', 'limits/', 'msteams%2Fconversations%2F', 'msteams%2Fusers%2F']);
    expect(blobs.length).toBeGreaterThan(4);
    for (const blob of blobs) {
      expect({ name: blob.name, leaked: `${blob.name}${blob.body}${blob.metadata}`.includes(PASSWORD) }).toEqual({ name: blob.name, leaked: false });
    }
    const records = await audit().forTarget(users.failedSignIns.id, 10);
    expect(records.map((record) => record.outcome.kind)).toEqual(['succeeded', 'attempted']);
  });

  it('answers /healthz while up, and /readyz with the checks by name only', async () => {
    expect((await fetch(`${app.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${app.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { storage: 'ok', graphToken: 'ok' } });
  });
});

describe('when the store fails', () => {
  it('answers 503 or 500: the user is told to try again, no change is made, nothing is recorded as done', async () => {
    const conversation = chat();
    const card = await findingsCard(conversation, users.signInBlocked.upn);
    const confirm = await clickText(conversation, card, 'Allow sign-in');
    app.simulator?.resetLog();

    proxy.fail({ path: /\/claims\//, status: 503 });
    const refused = await clickText(conversation, confirm.card as CardJson, 'Yes, do it');
    expect(refused.text).toMatch(/went wrong[\s\S]*retry/i);
    proxy.clearFaults();
    // The claim is made, but recording the attempt fails: the claim is given back, no change made.
    proxy.fail({ method: 'PUT', path: /\/audit\//, status: 500 });
    const failed = await clickText(conversation, confirm.card as CardJson, 'Yes, do it');
    expect(failed.text).toMatch(/went wrong[\s\S]*retry/i);
    expect(writes()).toEqual([]);
    expect((await audit().forTarget(users.signInBlocked.id, 10)).filter((record) => record.outcome.kind === 'succeeded')).toEqual([]);

    proxy.clearFaults();
    const done = await clickText(conversation, confirm.card as CardJson, 'Yes, do it');
    expect(done.text).toMatch(/Allow sign-in: done/);
    expect(writes()).toEqual([`PATCH /v1.0/users/${users.signInBlocked.id}`]);
  });

  it('is stopped mid-run: the user is told to try again, /readyz says so, and all works again when it is back', async () => {
    const conversation = chat();
    const asked = await teams.say(app.url, operator, conversation, 'unlock');
    expect(asked.texts.join('\n')).toMatch(/Which user is locked out\?/);
    // A card acts only in the chat it was shown in.
    const cardChat = chat();
    const card = await findingsCard(cardChat, users.forwardingRule.upn);
    const confirm = await clickText(cardChat, card, 'Revoke sessions');
    app.simulator?.resetLog();

    await proxy.stop();
    const answer = await teams.say(app.url, operator, conversation, users.smartLockout.upn);
    expect(answer.texts.join('\n')).toMatch(/went wrong[\s\S]*retry/i);
    const click = await clickText(cardChat, confirm.card as CardJson, 'Yes, do it');
    expect(click.text).toMatch(/went wrong[\s\S]*retry/i);
    expect(writes()).toEqual([]);
    const notReady = await fetch(`${app.url}/readyz`);
    expect(notReady.status).toBe(503);
    const body = await notReady.text();
    expect(JSON.parse(body)).toEqual({ status: 'notReady', checks: { storage: 'failed', graphToken: 'ok' } });
    expect(body).not.toMatch(/127\.0\.0\.1|devstoreaccount|AccountKey/);

    await proxy.start();
    // The dialog was saved before the store went away: the answer still continues it.
    const continued = await teams.say(app.url, operator, conversation, users.smartLockout.upn);
    expect(continued.texts.join('\n')).toMatch(/Account check: Anna Bērziņa/);
    const unblocked = await clickText(cardChat, confirm.card as CardJson, 'Yes, do it');
    expect(unblocked.text).toMatch(/Revoke sessions: done/);
    expect(writes()).toHaveLength(1);
  });
});
