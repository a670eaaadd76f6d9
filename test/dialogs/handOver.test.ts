/**
 * "Hand over to support" on the real bot and the simulated tenant: one card of plain lines with who,
 * what the checks found (codes, times, places, request ids), every step Unlock already took on the
 * account with its result (one line per action, from the audit trail), and what is still open.
 */
import { SEEDED } from '../../src/simulator/seeded';
import { handOver } from '../../src/steps/handOver';
import { stepLabel as stepName } from '../../src/steps/registry';
import { diagnose } from '../../src/diagnosis/diagnose';
import { render } from '../../src/i18n/catalogue';
import { SAMPLE_ACCOUNTS } from '../fixtures/sampleAccounts';
import { button, cardOf, cardText, click, invokeCard, message, operatorView, startBotHarness, type BotHarness, type CardJson, type Conversation, type Person } from '../support/botHarness';

let harness: BotHarness;
beforeAll(async () => {
  harness = await startBotHarness();
});
afterAll(() => harness.stop());
beforeEach(() => harness.simulator.clearFaults());

const operator: Person = SEEDED.users.operator;
const notOperator: Person = SEEDED.users.healthy;
const users = SEEDED.users;

async function findingsCard(conversation: Conversation, upn: string, locale?: string): Promise<CardJson> {
  return cardOf((await conversation.send(message(operator, `unlock ${upn}`, locale)))[0]);
}

async function press(conversation: Conversation, from: Person, card: CardJson, title: string, locale?: string): Promise<CardJson> {
  const { verb, data } = button(card, title);
  return invokeCard((await conversation.send({ ...click(from, verb, data), ...(locale ? { locale } : {}) })).find((reply) => reply.type === 'invokeResponse'));
}

/** The hand-over card: sent beside the answer to the click, which is the findings card again. */
async function handOverText(conversation: Conversation, card: CardJson, title = 'Hand over to support', locale?: string): Promise<{ lines: string[]; card: CardJson }> {
  const { verb, data } = button(card, title);
  const replies = await conversation.send({ ...click(operator, verb, data), ...(locale ? { locale } : {}) });
  const sent = replies.filter((reply) => reply.type !== 'invokeResponse');
  expect(sent).toHaveLength(1);
  const handOverCard = cardOf(sent[0]);
  return { lines: cardText(handOverCard).split('\n'), card: handOverCard };
}

describe('hand over to support', () => {
  it('says who, what was found, every step taken with its result, and what is still open', async () => {
    const peteris = users.atRisk;
    const conversation = harness.conversation();
    // A failed sign-out, then the same step done, then someone who may not act clicking in the channel.
    harness.simulator.addFault({ method: 'POST', path: '/revokeSignInSessions', status: 403, code: 'Authorization_RequestDenied' });
    const failed = await press(conversation, operator, await press(conversation, operator, await findingsCard(conversation, peteris.upn), 'Revoke sessions'), 'Yes, do it');
    harness.simulator.clearFaults();
    await press(conversation, operator, await press(conversation, operator, failed, 'Revoke sessions'), 'Yes, do it');
    const channel = harness.conversation('channel');
    await press(channel, notOperator, await operatorView(channel, operator, await findingsCard(channel, peteris.upn)), 'Hand over to support');

    const { lines, card: handOverCard } = await handOverText(conversation, await findingsCard(conversation, peteris.upn));
    const text = lines.join('\n');
    expect(lines[0]).toBe(`Hand over: Pēteris Liepa (${peteris.upn})`);
    expect(lines).toContain(`User: Pēteris Liepa · ${peteris.upn} · object id ${peteris.id}`);
    expect(text).toMatch(/Checked \d{1,2} \w{3} \d{4}, \d{2}:\d{2} UTC\./);
    // The finding, with Identity Protection's own values and when they changed.
    expect(text).toMatch(/⛔ Blocking · Microsoft flagged this account as at risk\n– Risk level: high · risk state: atRisk · last updated: \d/);
    // The risky sign-in, with where it came from.
    expect(text).toMatch(/– .* · signed in · OfficeHome · Lagos, NG · 192\.0\.2\.77/);
    // One line per action, newest first, with Microsoft's request ids; nothing about the refused click.
    const taken = lines.slice(lines.indexOf('Steps already taken in Unlock, newest first:') + 1);
    expect(taken.slice(0, 2)).toEqual([
      expect.stringMatching(/^– .* · Alex Wilber · Revoke sessions · done, request id [\w-]+$/),
      expect.stringMatching(/^– .* · Alex Wilber · Revoke sessions · failed \(Authorization_RequestDenied\), request id [\w-]+$/),
    ]);
    expect(text).not.toMatch(/Jānis Ozols|started/);
    expect(taken).toContain('Still to do:');
    const open = taken.slice(taken.indexOf('Still to do:') + 1);
    expect(open[0]).toBe('– Reset password');
    // Done already, and still called for by the risk: said, with when.
    expect(open).toContainEqual(expect.stringMatching(/^– Revoke sessions \(Unlock did this at .*; the checks still call for it\)$/));
    // Plain lines people can copy: text blocks and nothing to click.
    expect((handOverCard.body ?? []).every((element) => (element as { type?: string }).type === 'TextBlock')).toBe(true);
    expect(handOverCard.actions ?? []).toEqual([]);
  });

  it('says when nothing was done yet, and reads well in Latvian', async () => {
    const conversation = harness.conversation();
    const card = await findingsCard(conversation, users.smartLockout.upn, 'lv-LV');
    const { lines } = await handOverText(conversation, card, 'Nodot atbalsta dienestam', 'lv-LV');
    const text = lines.join('\n');
    expect(lines).toContain(`Lietotājs: Anna Bērziņa · ${users.smartLockout.upn} · objekta ID ${users.smartLockout.id}`);
    expect(text).toMatch(/Pārbaudē konstatēts:/);
    expect(text).toMatch(/– .* · kļūda 50053 · .*Riga, LV · 203\.0\.113\.24/);
    expect(text).toMatch(/Unlock jau veiktās darbības, jaunākās vispirms:\n– Nav: Unlock šajā kontā nav reģistrējis nevienu izmaiņu\./);
    expect(text).toMatch(/Vēl jāizdara:\n– Atiestatīt paroli/);
  });
});

describe('the hand-over text on its own', () => {
  const state = SAMPLE_ACCOUNTS.everything;
  const context = { target: state.user, state, diagnosis: diagnose(state), stepName };
  const lines = (history?: Parameters<typeof handOver.guidance>[0]['history']): string[] => {
    const { heading, paragraphs } = handOver.guidance({ ...context, ...(history ? { history } : {}) });
    return [heading, ...paragraphs].map((value) => render('en', value));
  };

  it('says when the record of earlier actions could not be read', () => {
    expect(lines({ kind: 'unavailable' })).toContain(
      `– Unlock could not read its record of earlier actions just now; type "history ${state.user.userPrincipalName}" later.`,
    );
  });

  it('points to "history" when older actions were left unread', () => {
    const record = {
      at: '2026-11-20T09:00:00.000Z',
      actionId: 'card/revokeSessions',
      actor: { aadObjectId: operator.id, name: operator.displayName },
      place: { conversationId: 'c' },
      target: { id: state.user.id, userPrincipalName: state.user.userPrincipalName, displayName: state.user.displayName },
      step: 'revokeSessions',
      outcome: { kind: 'succeeded' as const },
    };
    expect(lines({ kind: 'read', records: [record], more: true })).toEqual(
      expect.arrayContaining([expect.stringMatching(/^– .* · Alex Wilber · Revoke sessions · done$/), `– Older actions: type "history ${state.user.userPrincipalName}".`]),
    );
  });

  it('says how the caller was verified and who said Yes or No in Teams, and lists a limit reached and a No (other refusals changed nothing)', () => {
    const base = {
      actor: { aadObjectId: operator.id, name: operator.displayName },
      place: { conversationId: 'c' },
      target: { id: state.user.id, userPrincipalName: state.user.userPrincipalName, displayName: state.user.displayName },
      step: 'resetPassword',
    };
    const answered = (answer: 'yes' | 'no') => ({ aadObjectId: state.user.id, name: state.user.displayName, at: '2026-11-20T08:59:00.000Z', answer });
    const records = [
      { ...base, at: '2026-11-20T09:04:00.000Z', actionId: 'card/5', outcome: { kind: 'refused' as const, reason: 'notOffered' } },
      { ...base, at: '2026-11-20T09:03:00.000Z', actionId: 'card/4', verifiedBy: 'calledBack', outcome: { kind: 'refused' as const, reason: 'limitReached' } },
      { ...base, at: '2026-11-20T09:02:00.000Z', actionId: 'card/3', verifiedBy: 'userInTeams', answeredInTeams: answered('no'), outcome: { kind: 'refused' as const, reason: 'deniedInTeams' } },
      { ...base, at: '2026-11-20T09:01:00.000Z', actionId: 'card/2', verifiedBy: 'userInTeams', answeredInTeams: answered('yes'), outcome: { kind: 'succeeded' as const } },
      { ...base, at: '2026-11-20T09:00:00.000Z', actionId: 'card/1', verifiedBy: 'manager', outcome: { kind: 'succeeded' as const } },
    ];
    const name = state.user.displayName;
    const taken = lines({ kind: 'read', records, more: false }).filter((line) => / · Alex Wilber · /.test(line));
    expect(taken).toEqual([
      expect.stringMatching(/ · Reset password · refused \(limit reached\) · verified: called back on a directory number$/),
      expect.stringMatching(new RegExp(` · Reset password · refused \\(answered No in Teams\\) · No from ${name} in Teams$`)),
      expect.stringMatching(new RegExp(` · Reset password · done · verified: ${name} said Yes in Teams$`)),
      expect.stringMatching(/ · Reset password · done · verified: confirmed by their manager$/),
    ]);
  });

  it('gives the facts of each finding: rule actions in Exchange\'s words, recipients, the new method', () => {
    const text = lines().join('\n');
    expect(text).toMatch(/– Rule actions: RedirectTo, DeleteMessage\n– Sends mail to: accounts\.payable@freemail\.example/);
    expect(text).toMatch(/A new sign-in method was added: .*\n– Added \d/);
    expect(text).not.toMatch(/Steps already taken/);
  });
});
