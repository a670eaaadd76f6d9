/**
 * Who lives in the seeded tenant: fixed ids and UPNs by the role each user plays, with the finding
 * each one shows. Tests, benchmarks, the README and `/_simulator/users` all name users through this
 * table; `seed.ts` builds their state.
 */

export interface SeededUser {
  readonly id: string;
  readonly upn: string;
  readonly displayName: string;
  /** One line: what the bot should find for this user. */
  readonly shows: string;
}

const DOMAIN = 'contoso.com';

function person(id: string, displayName: string, alias: string, shows: string): SeededUser {
  return { id, upn: `${alias}@${DOMAIN}`, displayName, shows };
}

export const SEEDED = {
  /** Deliberately not a valid GUID: the Microsoft 365 Agents Playground sends this tenant id. */
  tenantId: '00000000-0000-0000-0000-0000000000001',
  domain: DOMAIN,
  helpdeskGroup: { id: 'b5e5a31e-9093-4d19-ba02-011a478ebd5e', displayName: 'Unlock Helpdesk' },
  /** Everyone is a member; lets a group check answer "yes" for one group and "no" for another. */
  allStaffGroup: { id: 'b54cfdbf-96d7-4466-bbc6-d647ade00202', displayName: 'All Contoso' },
  /** Excluded from the Temporary Access Pass policy (which includes all users): creating a pass for a member answers 400. */
  noTemporaryAccessPassGroup: { id: '6c0f3e2a-5b7d-4e19-9a84-2f1d7c3b9e50', displayName: 'No Temporary Access Pass' },
  users: {
    // The Playground's local user; its aadObjectId is also not a valid GUID.
    operator: person(
      '00000000-0000-0000-0000-0000000000020',
      'Alex Wilber',
      'alexw',
      'Operator (helpdesk group member); nothing wrong.',
    ),
    secondOperator: person(
      '095cb187-5364-47bc-8f44-ec3867a8a0f2',
      'Christie Cline',
      'christiec',
      'Second operator (helpdesk group member); nothing wrong.',
    ),
    healthy: person(
      '88720e6a-906a-4e6d-b1d3-3ba6a615f20a',
      'Jānis Ozols',
      'janis.ozols',
      'Nothing wrong; not an operator.',
    ),
    signInBlocked: person(
      '933f8384-e093-455f-8962-8660c837fd84',
      'Līga Kalniņa',
      'liga.kalnina',
      'Sign-in blocked (accountEnabled false); recent 50057 sign-ins.',
    ),
    smartLockout: person(
      'c81ec4c3-a941-439c-972b-229f0c113fef',
      'Anna Bērziņa',
      'anna.berzina',
      'Smart lockout: 12 wrong passwords (50126), then 50053 lockouts; the last 2 minutes ago.',
    ),
    namesake: person(
      '0d5143bf-fe5a-411c-a4f6-fed158e2f5d4',
      'Marta Bērziņa',
      'marta.berzina',
      'Nothing wrong; shares the surname Bērziņa (disambiguation).',
    ),
    namesakeAscii: person(
      '5f1c935c-0c75-419d-886b-0199746d590c',
      'Inese Berzina',
      'inese.berzina',
      'Nothing wrong; surname spelled without diacritics, Berzina (disambiguation).',
    ),
    failedSignIns: person(
      '90185021-32fd-4e90-a3ef-aa2c89583451',
      'Megan Bowen',
      'meganb',
      'Failed sign-ins: 4 wrong passwords (50126), then password expired (50055).',
    ),
    mfaTrouble: person(
      'e3f3cd9e-74f3-47b3-9b5f-ab5986fe2e10',
      'Nestor Wilke',
      'nestorw',
      'MFA trouble: 50076 and 50074 (MFA required), 500121 (MFA denied or timed out); his only method is an old phone (lost MFA: a Temporary Access Pass case).',
    ),
    conditionalAccess: person(
      '83aeab85-4cbf-4787-8954-4d8275cadb48',
      'Johanna Lorenz',
      'johannal',
      'Blocked by Conditional Access (53003) and a tenant security policy (530032).',
    ),
    atRisk: person(
      '07345f9b-3ed9-4bf6-a340-d436419cfc5f',
      'Pēteris Liepa',
      'peteris.liepa',
      'At risk: Identity Protection risk level high, state atRisk; a sign-in from an unfamiliar country, then Authenticator on an unknown phone 50 minutes ago.',
    ),
    restrictedSender: person(
      '5db99f51-7440-4611-bf4d-80e24d9c7f68',
      'Adele Vance',
      'adelev',
      'Restricted sender: on the Exchange Online blocked-sender list for 3 hours (outbound spam).',
    ),
    ssprNotRegistered: person(
      '69b654db-c13c-4bb2-bda6-8ddb0e6f2d8f',
      'Diego Siciliani',
      'diegos',
      'Not registered for self-service password reset or MFA (no methods but an expired Temporary Access Pass); SSPR is enabled for him.',
    ),
    forwardingRule: person(
      '7fe12816-bfde-4147-a305-37ffe9a1ffc0',
      'Lee Gu',
      'leeg',
      'Inbox rule "." forwards all mail to an external address and marks it read; plus a harmless newsletter rule. A foreign alternate phone added 2 hours ago.',
    ),
    onPremises: person(
      'ec011df3-79c9-49dc-ae48-5cbd3be56ac9',
      'Kārlis Zariņš',
      'karlis.zarins',
      'Synced from on-premises AD (onPremisesSyncEnabled): enable and reset answer 400.',
    ),
    globalAdmin: person(
      '38557c90-39f6-43ae-b4e4-1cc66de7b978',
      'Isaiah Langer',
      'isaiahl',
      'Privileged: Global Administrator; enable, reset and revoke answer 403.',
    ),
    exchangeAdmin: person(
      '98c1b73c-44f6-4667-89af-d2e3fe857ba4',
      'Grady Archie',
      'gradya',
      'Privileged: Exchange Administrator; enable, reset and revoke answer 403.',
    ),
    eligibleAdmin: person(
      'acde8fb3-194d-4229-92e6-bee4975ac06b',
      'Miriam Graham',
      'miriamg',
      'Privileged: eligible for Global Administrator through PIM, no active role; at risk (high). The tenant accepts writes to her: Unlock must refuse.',
    ),
    helpdeskAdmin: person(
      'd5f22f71-b265-49a6-963a-b5f7fa63d296',
      'Lynne Robbins',
      'lynner',
      'Helpdesk Administrator: a role a User Administrator may manage, so writes succeed.',
    ),
    everything: person(
      'a60b5b24-6e30-42c9-8677-5c60a9404e2b',
      'Raimonds Krūmiņš',
      'raimonds.krumins',
      'Everything at once: sign-in blocked, at risk (high), redirect-and-delete rule "..", restricted sender, Authenticator on an unknown device 2 hours ago.',
    ),
    apostrophe: person(
      '79fc7066-a30b-4f9c-a94e-c5e08226850b',
      "Patrick O'Brien",
      'patrick.obrien',
      "Nothing wrong; an apostrophe in the name (OData '' escaping). Excluded from the Temporary Access Pass policy: creating a pass answers 400.",
    ),
    noMailbox: person(
      '42e79865-e640-4d92-b02e-467e26caea63',
      'Oskars Kalns',
      'oskars.kalns',
      'Nothing wrong; no Exchange Online mailbox (inbox rules answer 404 MailboxNotEnabledForRESTAPI). No manager.',
    ),
    // Caller verification (issue 10): what the operator's "Verify the caller" section warns about.
    passwordSpray: person(
      '3b8e1f52-6c0d-4d7a-9e21-5f4a8c3d2b17',
      'Sandra Vītola',
      'sandra.vitola',
      'Locked out by someone else: 14 wrong passwords (50126) and 50053 lockouts from São Paulo, Brazil, a country she never signs in from (her month: Riga).',
    ),
    guest: person(
      'f0c4d2a8-91b3-4e6f-8a7d-2c5e9b1f3a64',
      'Jane Doe',
      'jane.doe_fabrikam.com#EXT#',
      'A guest (B2B) account from fabrikam.com: userType Guest, an #EXT# UPN, no mailbox here.',
    ),
    lookAlike: person(
      '6a2d9c4e-3f71-4b85-a0c6-8e1b7d5f2c93',
      'Chr\u0456stie Cline',
      'christie.cline',
      "A look-alike of the operator Christie Cline: the 'і' in the display name is Cyrillic (U+0456).",
    ),
    sharedName: person(
      '1e7b3a95-d42c-4f08-b6e1-9c5a2f8d0b46',
      'Ilze Priede',
      'ilze.priede',
      'Nothing wrong; another user has the same display name (Ilze Priede, Logistics, Liepāja).',
    ),
    sharedNameTwin: person(
      '8c5f2e17-a09d-4b3c-9f64-3d1e8a7b5c20',
      'Ilze Priede',
      'ilze.priede2',
      'Nothing wrong; another user has the same display name (Ilze Priede, Finance, Riga).',
    ),
    newAccount: person(
      '4d9a6b23-e85f-4c17-b3a0-7f2c1e6d8b95',
      'Toms Egle',
      'toms.egle',
      'Created yesterday: no successful sign-in before that to compare places with.',
    ),
  },
} as const;

export type SeededRole = keyof typeof SEEDED.users;
