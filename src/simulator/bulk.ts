/**
 * `POST /_simulator/bulk`: a larger tenant for measuring how the bot's work grows with the data, e.g.
 * `{"signIns":{"user":"meganb@contoso.com","count":10000},"namesakes":{"surname":"Bowen","count":1000}}`.
 * - `signIns`: that many more failed sign-ins (wrong password, 50126) for the user, spread over the
 *   last 23 hours, so all of them fall in the window the bot asks for; the sign-in log still filters
 *   and pages them as Graph does (`$top`, `@odata.nextLink`).
 * - `namesakes`: that many more users with the surname, each a copy of a seeded user who has nothing
 *   wrong (`Namesake0001 Bowen`, `namesake0001.bowen@contoso.com`), whom `$search` and `$filter` find
 *   as they find anyone else.
 * Deterministic (ids from names), so two tenants given the same body hold the same data.
 */
import { guidFrom } from './ids';
import { SEEDED } from './seeded';
import type { SimulatedSignIn, SimulatedTenant, SimulatedUser } from './state';

export const MAX_BULK = 100_000;

export interface BulkRequest {
  readonly signIns?: { readonly user: string; readonly count: number };
  readonly namesakes?: { readonly surname: string; readonly count: number };
}

export interface BulkResult {
  readonly signInsAdded: number;
  readonly usersAdded: number;
  readonly users: number;
}

/** The body checked; a message saying what is wrong otherwise. */
export function bulkRequestFrom(body: unknown): BulkRequest | string {
  if (typeof body !== 'object' || body === null) return 'The body must be a JSON object with signIns and/or namesakes.';
  const { signIns, namesakes } = body as Record<string, unknown>;
  const request: { signIns?: BulkRequest['signIns']; namesakes?: BulkRequest['namesakes'] } = {};
  if (signIns !== undefined) {
    const { user, count } = (signIns ?? {}) as Record<string, unknown>;
    if (typeof user !== 'string' || !isCount(count)) return `signIns needs a user (id or UPN) and a count from 1 to ${MAX_BULK}.`;
    request.signIns = { user, count };
  }
  if (namesakes !== undefined) {
    const { surname, count } = (namesakes ?? {}) as Record<string, unknown>;
    if (typeof surname !== 'string' || !/^\p{L}[\p{L}'’-]*$/u.test(surname) || !isCount(count)) {
      return `namesakes needs a surname (one word of letters) and a count from 1 to ${MAX_BULK}.`;
    }
    request.namesakes = { surname, count };
  }
  if (!request.signIns && !request.namesakes) return 'The body must hold signIns and/or namesakes.';
  return request;
}

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= MAX_BULK;
}

/** Adds the data; a message when the user named is not in the tenant. */
export function addBulk(tenant: SimulatedTenant, request: BulkRequest, now: Date): BulkResult | string {
  let signInsAdded = 0;
  let usersAdded = 0;
  if (request.signIns) {
    const key = request.signIns.user.toLowerCase();
    const user = tenant.users.find((candidate) => candidate.id === key || candidate.userPrincipalName.toLowerCase() === key);
    if (!user) return `No user ${request.signIns.user} in the simulated tenant.`;
    const spanMs = 23 * 3600_000;
    for (let index = 0; index < request.signIns.count; index += 1) {
      const at = new Date(now.getTime() - Math.floor(((index + 1) * spanMs) / (request.signIns.count + 1)));
      user.signIns.push(wrongPassword(user, user.signIns.length, at));
    }
    signInsAdded = request.signIns.count;
  }
  if (request.namesakes) {
    const template = tenant.users.find((candidate) => candidate.id === SEEDED.users.healthy.id);
    if (!template) return 'The seeded user to copy is missing.';
    const domain = template.userPrincipalName.split('@')[1] ?? 'contoso.com';
    const { surname, count } = request.namesakes;
    const start = tenant.users.filter((user) => user.surname === surname && user.givenName?.startsWith('Namesake')).length;
    for (let index = start + 1; index <= start + count; index += 1) {
      tenant.users.push(namesake(template, surname, index, domain));
    }
    usersAdded = count;
  }
  return { signInsAdded, usersAdded, users: tenant.users.length };
}

function wrongPassword(user: SimulatedUser, index: number, at: Date): SimulatedSignIn {
  return {
    id: guidFrom(`${user.id}/bulk-sign-in/${index}`),
    createdDateTime: at.toISOString(),
    appDisplayName: 'Office 365 Exchange Online',
    ipAddress: '203.0.113.7',
    clientAppUsed: 'Browser',
    conditionalAccessStatus: 'notApplied',
    errorCode: 50126,
    failureReason: 'Error validating credentials due to invalid username or password.',
    additionalDetails: null,
    city: 'Riga',
    state: null,
    countryOrRegion: 'LV',
    riskLevelDuringSignIn: 'none',
    riskState: 'none',
  };
}

function namesake(template: SimulatedUser, surname: string, index: number, domain: string): SimulatedUser {
  const givenName = `Namesake${String(index).padStart(4, '0')}`;
  const local = `${givenName}.${surname}`.toLowerCase().normalize('NFD').replace(/[^a-z0-9.]/g, '');
  const id = guidFrom(`namesake/${surname}/${index}`);
  const copy = structuredClone(template);
  return {
    ...copy,
    id,
    displayName: `${givenName} ${surname}`,
    givenName,
    surname,
    userPrincipalName: `${local}@${domain}`,
    mail: `${local}@${domain}`,
    signIns: copy.signIns.map((signIn, at) => ({ ...signIn, id: guidFrom(`${id}/sign-in/${at}`) })),
  };
}
