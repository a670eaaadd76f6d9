import { BatchResponseContent } from '@microsoft/microsoft-graph-client';
import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { call, expectGraphError, fixedClock } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

const batch = (requests: unknown[], version = 'v1.0'): ReturnType<typeof call> =>
  call(simulator, 'POST', `/${version}/$batch`, { body: { requests } });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const byId = (reply: { body: { responses: any[] } }, id: string): any =>
  reply.body.responses.find((response: { id: string }) => response.id === id);

describe('POST /$batch', () => {
  it('answers each item on its own inside a 200 envelope', async () => {
    const reply = await batch([
      { id: 'user', method: 'GET', url: `/users/${users.atRisk.id}?$select=id,accountEnabled` },
      { id: 'risk', method: 'GET', url: `/identityProtection/riskyUsers/${users.atRisk.id}` },
      { id: 'noRisk', method: 'GET', url: `/identityProtection/riskyUsers/${users.healthy.id}` },
      { id: 'missing', method: 'GET', url: '/users/nobody@contoso.com' },
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.responses).toHaveLength(4);
    expect(byId(reply, 'user')).toEqual({
      id: 'user',
      status: 200,
      headers: { 'Content-Type': expect.stringMatching(/^application\/json;/) },
      body: expect.objectContaining({ id: users.atRisk.id, accountEnabled: true }),
    });
    expect(byId(reply, 'risk').body.riskLevel).toBe('high');
    expect(byId(reply, 'noRisk')).toMatchObject({
      status: 404,
      headers: { 'Content-Type': 'application/json' },
      body: { error: { code: 'ResourceNotFound', innerError: { 'request-id': expect.any(String) } } },
    });
    expect(byId(reply, 'missing')).toMatchObject({ status: 404, body: { error: { code: 'Request_ResourceNotFound' } } });
  });

  it('logs the envelope once, with the outcome of every item', async () => {
    simulator.resetLog();
    await batch([
      { id: '1', method: 'GET', url: `/users/${users.healthy.id}` },
      { id: '2', method: 'GET', url: '/users/nobody' },
    ]);
    expect(simulator.requests).toEqual([
      expect.objectContaining({
        method: 'POST',
        path: '/v1.0/$batch',
        status: 200,
        api: 'graph',
        batchItems: [
          { id: '1', method: 'GET', url: `/users/${users.healthy.id}`, status: 200 },
          { id: '2', method: 'GET', url: '/users/nobody', status: 404 },
        ],
      }),
    ]);
  });

  it('uses each item’s own headers, e.g. ConsistencyLevel', async () => {
    const url = `/users/${users.globalAdmin.id}/transitiveMemberOf/microsoft.graph.directoryRole?$select=displayName,roleTemplateId&$count=true`;
    const reply = await batch([
      { id: 'with', method: 'GET', url, headers: { ConsistencyLevel: 'eventual' } },
      { id: 'without', method: 'GET', url },
    ]);
    expect(byId(reply, 'with').status).toBe(200);
    expect(byId(reply, 'without').status).toBe(400);
  });

  it('answers a 204 item without a body', async () => {
    const reply = await batch([
      {
        id: 'delete',
        method: 'DELETE',
        url: `/users/${users.everything.id}/mailFolders/inbox/messageRules/AQAAAJ5dZqI=`,
      },
    ]);
    expect(byId(reply, 'delete')).toEqual({ id: 'delete', status: 204, headers: {} });
  });

  it('answers 424 for an item whose dependency failed, and runs the chain when it succeeds', async () => {
    const reply = await batch([
      { id: '1', method: 'GET', url: '/users/nobody' },
      { id: '2', method: 'GET', url: `/users/${users.healthy.id}`, dependsOn: ['1'] },
      { id: '3', method: 'GET', url: `/users/${users.healthy.id}` },
      { id: '4', method: 'GET', url: `/users/${users.healthy.id}`, dependsOn: ['3'] },
    ]);
    expect(byId(reply, '2').status).toBe(424);
    expect(byId(reply, '4').status).toBe(200);
  });

  it('treats a version inside an item URL as an unknown segment', async () => {
    const reply = await batch([{ id: '1', method: 'GET', url: `/v1.0/users/${users.healthy.id}` }]);
    expect(byId(reply, '1').body.error.message).toBe("Resource not found for the segment 'v1.0'.");
  });

  it.each([
    ['more than 20 items', Array.from({ length: 21 }, (_, index) => ({ id: String(index), method: 'GET', url: '/users' }))],
    [
      'duplicate ids',
      [
        { id: '1', method: 'GET', url: '/users' },
        { id: '1', method: 'GET', url: '/users' },
      ],
    ],
    ['a dependency on an unknown id', [{ id: '1', method: 'GET', url: '/users', dependsOn: ['9'] }]],
    ['a body without Content-Type', [{ id: '1', method: 'PATCH', url: '/users/x', body: { accountEnabled: true } }]],
    ['no items', []],
  ])('refuses the whole batch for %s', async (_case, requests) => {
    expectGraphError(await batch(requests), 400, 'BadRequest');
  });

  it('works on /beta too', async () => {
    const reply = await batch([{ id: '1', method: 'GET', url: `/users/${users.healthy.id}?$select=id` }], 'beta');
    expect(byId(reply, '1').body['@odata.context']).toContain('/beta/$metadata#users(id)/$entity');
  });

  it('is readable by the Graph SDK’s BatchResponseContent (the Content-Type trap)', async () => {
    const reply = await batch([
      { id: 'user', method: 'GET', url: `/users/${users.smartLockout.id}?$select=id,displayName` },
      { id: 'rules', method: 'GET', url: `/users/${users.noMailbox.id}/mailFolders/inbox/messageRules` },
    ]);
    const content = new BatchResponseContent(reply.body);
    const user = content.getResponseById('user');
    expect(user.status).toBe(200);
    expect(await user.json()).toMatchObject({ id: users.smartLockout.id, displayName: 'Anna Bērziņa' });
    const rules = content.getResponseById('rules');
    expect(rules.status).toBe(404);
    expect((await rules.json()).error.code).toBe('MailboxNotEnabledForRESTAPI');
  });
});
