/**
 * `POST /_simulator/bulk`: a larger tenant for the data-size benchmark. The added sign-ins and
 * namesakes are filtered and paged as Graph does, so a client that asks with `$top` gets a bounded
 * page and a next link, never the whole set.
 */
import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, EVENTUAL, fixedClock, get, q } from './helpers';

let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

const MEGAN = SEEDED.users.failedSignIns;

describe('POST /_simulator/bulk', () => {
  it('adds 10,000 sign-ins for one user; the log answers a page of $top with a next link, newest first', async () => {
    const since = new Date(fixedClock().getTime() - 24 * 3_600_000).toISOString();
    const path = `/v1.0/auditLogs/signIns?$filter=${q(`userPrincipalName eq '${MEGAN.upn}' and createdDateTime ge ${since}`)}&$top=100`;
    const before = await get(simulator, path);
    const added = await call(simulator, 'POST', '/_simulator/bulk', { auth: false, body: { signIns: { user: MEGAN.upn, count: 10_000 } } });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ signInsAdded: 10_000, usersAdded: 0 });
    const page = await get(simulator, path);
    expect(page.status).toBe(200);
    expect(page.body.value).toHaveLength(100);
    expect(before.body.value.length).toBeLessThan(100);
    expect(page.body['@odata.nextLink']).toContain('$skiptoken=');
    const times = page.body.value.map((signIn: { createdDateTime: string }) => signIn.createdDateTime);
    expect([...times].sort().reverse()).toEqual(times);
    expect(new Set(page.body.value.map((signIn: { userPrincipalName: string }) => signIn.userPrincipalName))).toEqual(new Set([MEGAN.upn]));
  });

  it('adds 1,000 namesakes whom $search finds and counts, a page of $top at a time', async () => {
    const added = await call(simulator, 'POST', '/_simulator/bulk', { auth: false, body: { namesakes: { surname: 'Bowen', count: 1_000 } } });
    expect(added.status).toBe(201);
    expect(added.body.usersAdded).toBe(1_000);
    const reply = await get(simulator, `/v1.0/users?$count=true&$select=id,displayName&$top=10&$search=${q('"displayName:Bowen"')}`, EVENTUAL);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.count']).toBe(1_001);
    expect(reply.body.value).toHaveLength(10);
    expect(reply.body['@odata.nextLink']).toContain('$skiptoken=');
    expect(Object.keys(reply.body.value[0]).sort()).toEqual(['id', 'displayName'].sort());
  });

  it('refuses a body it cannot use and changes nothing', async () => {
    const users = (await call(simulator, 'GET', '/_simulator/users', { auth: false })).body.users.length;
    for (const body of [{}, { signIns: { user: MEGAN.upn, count: 0 } }, { namesakes: { surname: 'Bo wen', count: 5 } }, { signIns: { user: MEGAN.upn, count: 1e9 } }]) {
      expect((await call(simulator, 'POST', '/_simulator/bulk', { auth: false, body })).status).toBe(400);
    }
    expect((await call(simulator, 'POST', '/_simulator/bulk', { auth: false, body: { signIns: { user: 'nobody@contoso.com', count: 5 } } })).status).toBe(404);
    expect((await call(simulator, 'GET', '/_simulator/users', { auth: false })).body.users).toHaveLength(users);
  });
});
