/**
 * Each waterfall on its own, driven by botbuilder-testing's DialogTestClient, as tables of cases:
 * what the person sends, what the dialog answers, and how the dialog ends.
 */
import { ActivityTypes, MemoryStorage, type Activity } from 'botbuilder';
import { DialogTurnStatus, type Dialog } from 'botbuilder-dialogs';
import { DialogTestClient } from 'botbuilder-testing';
import pino from 'pino';
import { createDialogDependencies } from '../../src/host/composition';
import { DevelopmentTokenCredential } from '../../src/adapters/graph/credentials';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { SEEDED } from '../../src/simulator/seeded';
import type { DialogDependencies } from '../../dialogs/dependencies';
import { HistoryDialog } from '../../dialogs/historyDialog';
import { UnlockDialog } from '../../dialogs/unlockDialog';
import { cardText, type CardJson, type Person } from '../support/botHarness';
import { FAST_RETRY } from '../support/tenant';

let simulator: RunningSimulator;
let deps: DialogDependencies;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0 });
  deps = createDialogDependencies(
    {
      graphEndpoint: simulator.url,
      exchangeEndpoint: simulator.url,
      tenantId: SEEDED.tenantId,
      helpdeskGroupId: SEEDED.helpdeskGroup.id,
      credential: new DevelopmentTokenCredential(),
    },
    { storage: new MemoryStorage(), logger: pino({ level: 'silent' }), retry: FAST_RETRY },
  );
});
afterAll(() => simulator.stop());

const operator: Person = SEEDED.users.operator;
const endUser: Person = SEEDED.users.healthy;

function from(person: Person, text: string): Partial<Activity> {
  return { type: ActivityTypes.Message, text, locale: 'en-US', from: { id: `29:${person.id}`, name: person.displayName, aadObjectId: person.id } };
}

/** A reply as a person reads it: its text, or the text on its card. */
function readable(reply: Partial<Activity> | undefined): string {
  const card = reply?.attachments?.[0]?.content as CardJson | undefined;
  return card ? cardText(card) : (reply?.text ?? '');
}

type Case = readonly [name: string, dialog: () => Dialog, options: object, turns: readonly (readonly [Person, string, readonly RegExp[]])[], ends: DialogTurnStatus];

const cases: readonly Case[] = [
  ['unlock: asks, then shows the card', () => new UnlockDialog(deps), {}, [[operator, 'hi', [/Which user is locked out\?/]], [operator, SEEDED.users.atRisk.upn, [/Account check: Pēteris Liepa[\s\S]*risk/i]]], DialogTurnStatus.complete],
  ['unlock: a query in the options skips the question', () => new UnlockDialog(deps), { query: SEEDED.users.onPremises.upn }, [[operator, 'go', [/on-premises|Active Directory/]]], DialogTurnStatus.complete],
  ['unlock: several matches end with a choice card', () => new UnlockDialog(deps), { query: 'Bērziņa' }, [[operator, 'go', [/Several people match/]]], DialogTurnStatus.complete],
  ['unlock: no match asks again and keeps waiting', () => new UnlockDialog(deps), { query: 'nobody@contoso.com' }, [[operator, 'go', [/found no user/, /Which user/]]], DialogTurnStatus.waiting],
  ['unlock: an end user is refused', () => new UnlockDialog(deps), { query: SEEDED.users.atRisk.upn }, [[endUser, 'go', [/Only members of the helpdesk group/]]], DialogTurnStatus.complete],
  ['history: an operator sees the record', () => new HistoryDialog(deps), { query: SEEDED.users.atRisk.upn }, [[operator, 'go', [/Recent Unlock actions on Pēteris Liepa/]]], DialogTurnStatus.complete],
  ['history: an end user is refused', () => new HistoryDialog(deps), { query: SEEDED.users.atRisk.upn }, [[endUser, 'go', [/Only members of the helpdesk group can see the history/]]], DialogTurnStatus.complete],
];

describe('dialogs on DialogTestClient', () => {
  it.each(cases)('%s', async (_name, dialog, options, turns, ends) => {
    const client = new DialogTestClient('msteams', dialog(), options);
    for (const [person, says, expected] of turns) {
      let reply = await client.sendActivity(from(person, says));
      for (const pattern of expected) {
        expect(readable(reply)).toMatch(pattern);
        reply = client.getNextReply();
      }
    }
    expect(client.dialogTurnResult.status).toBe(ends);
  });
});
