/**
 * `npm start`'s in-process simulated tenant takes `SIMULATOR_FAULTS` and `SIMULATOR_LATENCY_MS` from the
 * environment exactly as `npm run simulator` does (one reader, `src/simulator/environment.ts`): a fault
 * given at start shows on the card as a part that could not be checked.
 */
import { startUnlock, type UnlockApp } from '../../src/host/app';
import { loadConfig } from '../../src/host/config';
import { SEEDED } from '../../src/simulator/seeded';
import { cardText, type CardJson } from '../support/botHarness';
import { startCaptureConnector, type CaptureConnector } from '../support/connector';
import { teamsMessage } from '../support/teamsActivity';
import { FAST_RETRY } from '../support/tenant';
import { cardsIn, personalChat, postActivity } from '../support/http';

const FAULTS = [{ path: '/auditLogs/signIns', status: 403, code: 'Authorization_RequestDenied' }];

let app: UnlockApp;
let connector: CaptureConnector;
const saved = { faults: process.env.SIMULATOR_FAULTS, latency: process.env.SIMULATOR_LATENCY_MS };

beforeAll(async () => {
  process.env.SIMULATOR_FAULTS = JSON.stringify(FAULTS);
  process.env.SIMULATOR_LATENCY_MS = '1';
  connector = await startCaptureConnector();
  app = await startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent' }), { retry: FAST_RETRY });
});

afterAll(async () => {
  await app.stop();
  await connector.stop();
  for (const [name, value] of [['SIMULATOR_FAULTS', saved.faults], ['SIMULATOR_LATENCY_MS', saved.latency]] as const) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

it('SIMULATOR_FAULTS given to npm start fault its tenant: the sign-ins cannot be read, and the card says so', async () => {
  const listed = (await (await fetch(`${app.simulator?.url}/_simulator/faults`)).json()) as { faults: { path: string; status: number }[] };
  expect(listed.faults).toEqual([expect.objectContaining({ path: '/auditLogs/signIns', status: 403 })]);

  const before = connector.activities.length;
  const { status } = await postActivity(app.url, teamsMessage(connector.url, SEEDED.users.operator, personalChat(), `unlock ${SEEDED.users.failedSignIns.upn}`));
  expect(status).toBe(200);
  const [card] = cardsIn(connector.activities.slice(before));
  expect(cardText(card as CardJson)).toMatch(/Could not check recent sign-ins \(lockouts and failed sign-ins\)\nUnlock is missing a permission or role to read this/);
});

it('a bad SIMULATOR_LATENCY_MS stops the start with the reason, as npm run simulator does', async () => {
  process.env.SIMULATOR_LATENCY_MS = 'soon';
  try {
    await expect(startUnlock(loadConfig({ PORT: '0', PLAYGROUND: 'off', LOG_LEVEL: 'silent' }), { retry: FAST_RETRY })).rejects.toThrow(/SIMULATOR_LATENCY_MS must be a non-negative integer/);
  } finally {
    process.env.SIMULATOR_LATENCY_MS = '1';
  }
});
