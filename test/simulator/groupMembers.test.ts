/**
 * `GET /groups/{id}/members` as Graph answers it (Assign to … reads the helpdesk group's members):
 * `directoryObject`s with their `@odata.type`, `$select` on the shared properties, 404 for an unknown
 * group. https://learn.microsoft.com/en-us/graph/api/group-list-members
 */
import { DevelopmentTokenCredential } from '../../src/adapters/graph/credentials';
import { GraphGateway } from '../../src/adapters/graph/graphGateway';
import { GraphHelpdeskMembers } from '../../src/adapters/graph/helpdeskMembers';
import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { expectGraphError, fixedClock, get } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

describe('group members', () => {
  it('lists the direct members as typed directory objects, with $select', async () => {
    const reply = await get(simulator, `/v1.0/groups/${SEEDED.helpdeskGroup.id}/members?$select=id,displayName,userPrincipalName`);
    expect(reply.status).toBe(200);
    expect(reply.body['@odata.context']).toBe(`${simulator.url}/v1.0/$metadata#directoryObjects(id,displayName,userPrincipalName)`);
    expect(reply.body.value).toEqual([
      { '@odata.type': '#microsoft.graph.user', id: users.operator.id, displayName: users.operator.displayName, userPrincipalName: users.operator.upn },
      { '@odata.type': '#microsoft.graph.user', id: users.secondOperator.id, displayName: users.secondOperator.displayName, userPrincipalName: users.secondOperator.upn },
    ]);
  });

  it('answers an unknown group with 404 Request_ResourceNotFound, and an unknown property with 400', async () => {
    const missing = '11111111-2222-4333-8444-555555555555';
    expectGraphError(await get(simulator, `/v1.0/groups/${missing}/members`), 404, 'Request_ResourceNotFound', `Resource '${missing}' does not exist or one of its queried reference-property objects are not present.`);
    const bad = await get(simulator, `/v1.0/groups/${SEEDED.helpdeskGroup.id}/members?$select=nonsense`);
    expect(bad.status).toBe(400);
  });

  it('reads into the people Assign to … offers, users only, by name', async () => {
    const graph = new GraphGateway({ endpoint: simulator.url, credential: new DevelopmentTokenCredential() });
    expect(await new GraphHelpdeskMembers(graph, SEEDED.helpdeskGroup.id).list()).toEqual([
      { aadObjectId: users.operator.id, name: 'Alex Wilber' },
      { aadObjectId: users.secondOperator.id, name: 'Christie Cline' },
    ]);
    await expect(new GraphHelpdeskMembers(graph, '11111111-2222-4333-8444-555555555555').list()).rejects.toThrow(/could not be read \(notFound\)/);
  });
});
