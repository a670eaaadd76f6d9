/** The reads an operator verifies a caller with, in Graph's wire format: callback facts, the manager, sign-in places. */
import { SEEDED, startSimulator, type RunningSimulator } from '../../src/simulator';
import { expectGraphError, fixedClock, get, NOW, q } from './helpers';

const { users } = SEEDED;
let simulator: RunningSimulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, now: fixedClock });
});
afterAll(() => simulator.stop());

const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 24 * 3600_000).toISOString();

describe('callback facts on the user', () => {
  it('serves phones, department, job title, office, created and userType when selected', async () => {
    const select = 'mobilePhone,businessPhones,department,jobTitle,officeLocation,createdDateTime,userType,externalUserState';
    const reply = await get(simulator, `/v1.0/users/${users.sharedNameTwin.upn}?$select=${select}`);
    expect(reply.body).toMatchObject({
      mobilePhone: expect.stringMatching(/^\+371 2999\d{4}$/),
      businessPhones: [expect.stringMatching(/^\+371 6700\d{3}$/)],
      department: 'Logistics',
      jobTitle: 'Logistics Coordinator',
      officeLocation: 'Liepāja, Rožu iela 5',
      userType: 'Member',
      externalUserState: null,
    });
    const guest = await get(simulator, `/v1.0/users/${users.guest.id}?$select=userType,externalUserState,userPrincipalName`);
    expect(guest.body).toMatchObject({ userType: 'Guest', externalUserState: 'Accepted', userPrincipalName: 'jane.doe_fabrikam.com#EXT#@contoso.com' });
    const created = await get(simulator, `/v1.0/users/${users.newAccount.id}?$select=createdDateTime`);
    expect(Date.parse(created.body.createdDateTime)).toBeGreaterThan(Date.parse(daysAgo(2)));
  });

  it('finds the users who share a display name with a default $filter', async () => {
    const reply = await get(simulator, `/v1.0/users?$filter=${q("displayName eq 'Ilze Priede'")}&$select=id,userPrincipalName`);
    expect(reply.body.value.map((user: { userPrincipalName: string }) => user.userPrincipalName).sort()).toEqual([users.sharedName.upn, users.sharedNameTwin.upn].sort());
  });
});

describe('/users/{id}/manager', () => {
  it('answers the manager as a directory object, by id or UPN, with $select', async () => {
    const reply = await get(simulator, `/v1.0/users/${users.passwordSpray.upn}/manager?$select=id,displayName,mail,jobTitle`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ '@odata.type': '#microsoft.graph.user', id: users.healthy.id, displayName: users.healthy.displayName, mail: users.healthy.upn, jobTitle: 'Accountant' });
    expect(Object.keys(reply.body)).not.toContain('department');
  });

  it('answers 404 Request_ResourceNotFound for a user without a manager', async () => {
    expectGraphError(await get(simulator, `/v1.0/users/${users.noMailbox.id}/manager`), 404, 'Request_ResourceNotFound', /manager/);
  });
});

describe('sign-in places', () => {
  it('lists a month of successful sign-ins with location and device, filtered by status', async () => {
    const filter = `userPrincipalName eq '${users.passwordSpray.upn}' and status/errorCode eq 0 and createdDateTime ge ${daysAgo(30)}`;
    const reply = await get(simulator, `/v1.0/auditLogs/signIns?$filter=${q(filter)}&$top=20`);
    expect(reply.body.value.length).toBeGreaterThan(5);
    expect(reply.body.value.every((signIn: { status: { errorCode: number }; location: { countryOrRegion: string } }) => signIn.status.errorCode === 0 && signIn.location.countryOrRegion === 'LV')).toBe(true);
  });

  it('gives the spray its place and device as the log writes them', async () => {
    const filter = `userId eq '${users.passwordSpray.id}' and createdDateTime ge ${new Date(NOW.getTime() - 3600_000).toISOString()}`;
    const [newest] = (await get(simulator, `/v1.0/auditLogs/signIns?$filter=${q(filter)}&$top=1`)).body.value;
    expect(newest).toMatchObject({
      ipAddress: '192.0.2.145',
      appDisplayName: 'OfficeHome',
      status: { errorCode: 50053 },
      location: { city: 'São Paulo', state: 'São Paulo', countryOrRegion: 'BR' },
      deviceDetail: { operatingSystem: 'Linux', browser: 'Chrome 119.0.0', displayName: '' },
    });
  });

  it('refuses $select, as the sign-in list does', async () => {
    expectGraphError(await get(simulator, '/v1.0/auditLogs/signIns?$select=location&$top=1'), 400, 'BadRequest', /Query option 'Select' is not allowed/);
  });
});
