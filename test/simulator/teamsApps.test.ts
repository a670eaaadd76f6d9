/**
 * Teams apps in a user's personal scope, as Graph serves them: the list with `$expand=teamsApp` and
 * the filter by catalog id, installing (201 without a body, 409 the second time, 404 for an app not in
 * the catalog) and the 1:1 chat with the app's bot.
 */
import { personalChatId, SEEDED, SIMULATED_TEAMS_APP, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock, get } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

const installedApps = (key: string) => `/v1.0/users/${key}/teamwork/installedApps`;
const filtered = (key: string) => `${installedApps(key)}?$expand=teamsApp&$filter=${encodeURIComponent(`teamsApp/id eq '${SIMULATED_TEAMS_APP.id}'`)}`;
const bind = (appId: string) => ({ 'teamsApp@odata.bind': `https://graph.microsoft.com/v1.0/appCatalogs/teamsApps/${appId}` });

describe('Teams apps installed for a user', () => {
  it('lists nothing, installs from the catalog, refuses a second install, and then reads the 1:1 chat', async () => {
    const user = users.healthy;
    expect((await get(simulator, filtered(user.id))).body.value).toEqual([]);

    const installed = await call(simulator, 'POST', installedApps(user.id), { body: bind(SIMULATED_TEAMS_APP.id) });
    expect(installed.status).toBe(201);
    expect(installed.body).toBeUndefined();
    expectGraphError(await call(simulator, 'POST', installedApps(user.id), { body: bind(SIMULATED_TEAMS_APP.id) }), 409, 'Conflict', 'already installed');

    const listed = await get(simulator, filtered(user.upn));
    const [installation] = listed.body.value as { id: string; teamsApp: Record<string, unknown> }[];
    expect(installation?.teamsApp).toEqual(SIMULATED_TEAMS_APP);
    expect(Buffer.from(installation?.id ?? '', 'base64').toString()).toBe(`${user.id}##${SIMULATED_TEAMS_APP.id}`);

    const chat = await get(simulator, `${installedApps(user.id)}/${encodeURIComponent(installation?.id ?? '')}/chat`);
    expect(chat.body).toMatchObject({ id: personalChatId(user.id), chatType: 'oneOnOne' });
    expect(String(chat.body['@odata.context'])).toMatch(/\$metadata#chats\/\$entity$/);
  });

  it('answers as Graph does for an app not in the catalog, a bad body or filter, an unknown installation and an unknown user', async () => {
    expectGraphError(await call(simulator, 'POST', installedApps(users.smartLockout.id), { body: bind('00000000-0000-0000-0000-000000000000') }), 404, 'NotFound', 'not found');
    expectGraphError(await call(simulator, 'POST', installedApps(users.smartLockout.id), { body: {} }), 400, 'BadRequest', 'teamsApp@odata.bind');
    expectGraphError(await get(simulator, `${installedApps(users.smartLockout.id)}?$filter=${encodeURIComponent("displayName eq 'Unlock'")}`), 400, 'BadRequest', 'Invalid filter');
    expectGraphError(await get(simulator, `${installedApps(users.smartLockout.id)}/${Buffer.from(`${users.smartLockout.id}##${SIMULATED_TEAMS_APP.id}`).toString('base64')}/chat`), 404, 'NotFound', 'not found');
    expectGraphError(await get(simulator, installedApps('nobody@contoso.com')), 404, 'Request_ResourceNotFound', 'does not exist');
  });
});
