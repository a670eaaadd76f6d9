/**
 * "Confirmed by the user in Teams", without HTTP: who may answer a question (the policy, at its
 * edges), and the use case over a memory store with stand-ins for Graph and Teams: the question
 * asked of the user or the manager, a Yes usable once by the operator who asked and only until it
 * runs out, racing Yeses answered once, a No audited and alerted and refusing the step for a while.
 */
import { MemoryStorage } from 'botbuilder';
import { StorageTeamsConfirmations } from '../../src/adapters/storage/teamsConfirmationStore';
import type { AuditRecord } from '../../src/domain/audit';
import type { Place } from '../../src/domain/actor';
import type { HelpdeskAlert } from '../../src/operations/alerts';
import { mayAnswerTeamsConfirmation, mayUseTeamsConfirmation } from '../../src/operations/policy';
import type { AuditLog, ManagerResult, PersonalChatResult, TeamsConfirmation, TeamsReach } from '../../src/operations/ports';
import { GRANT_MINUTES, QUESTION_MINUTES, TeamsConfirmations, type AskRequest } from '../../src/operations/teamsConfirmations';

const MINUTE = 60_000;
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
const anna = { id: 'anna-id', displayName: 'Anna Bērziņa', userPrincipalName: 'anna@contoso.com' };
const manager = { id: 'janis-id', displayName: 'Jānis Ozols' };
const alex = { aadObjectId: 'alex-id', name: 'Alex Wilber' };
const personal = (id = 'a:anna-chat'): Place => ({ conversationId: id, conversationType: 'personal' });

const question: Pick<TeamsConfirmation, 'asked' | 'state' | 'expiresAt'> = {
  asked: { id: anna.id, displayName: anna.displayName },
  state: 'pending',
  expiresAt: new Date(T0 + 5 * MINUTE).toISOString(),
};

describe('who may answer a question asked in Teams', () => {
  it.each([
    ['the person asked, in a 1:1 chat, just before it expires', anna.id, personal(), T0 + 5 * MINUTE - 1, true],
    ['the person asked, the moment it expires', anna.id, personal(), T0 + 5 * MINUTE, false],
    ['someone else in their own 1:1 chat', 'mallory-id', personal('a:mallory'), T0, false],
    ['nobody Teams named', undefined, personal(), T0, false],
    ['the person asked, in a group chat', anna.id, { conversationId: '19:group@thread.v2', conversationType: 'groupChat' }, T0, false],
    ['the person asked, in a channel', anna.id, { conversationId: '19:general@thread.tacv2', conversationType: 'channel' }, T0, false],
  ] as const)('%s', (_case, actor, place, now, allowed) => {
    expect(mayAnswerTeamsConfirmation(question, actor, place, new Date(now))).toBe(allowed);
  });

  it('an answered question is not answered again', () => {
    expect(mayAnswerTeamsConfirmation({ ...question, state: 'confirmed' }, anna.id, personal(), new Date(T0))).toBe(false);
    expect(mayAnswerTeamsConfirmation({ ...question, state: 'denied' }, anna.id, personal(), new Date(T0))).toBe(false);
  });
});

describe('what a Yes allows', () => {
  const yes: Pick<TeamsConfirmation, 'operator' | 'target' | 'step' | 'state' | 'grantUntil'> = {
    operator: alex,
    target: anna,
    step: { id: 'removeSignInMethod', itemId: 'phone-1' },
    state: 'confirmed',
    grantUntil: new Date(T0 + 5 * MINUTE).toISOString(),
  };
  const step = { id: 'removeSignInMethod', itemId: 'phone-1' };

  it('that step on that user for that operator, until it runs out, once', () => {
    expect(mayUseTeamsConfirmation(yes, alex.aadObjectId, anna.id, step, new Date(T0 + 5 * MINUTE - 1))).toBe(true);
    expect(mayUseTeamsConfirmation(yes, alex.aadObjectId, anna.id, step, new Date(T0 + 5 * MINUTE))).toBe(false);
    expect(mayUseTeamsConfirmation({ ...yes, state: 'used' }, alex.aadObjectId, anna.id, step, new Date(T0))).toBe(false);
  });

  it('not another operator, another user, another step or another item', () => {
    const now = new Date(T0);
    expect(mayUseTeamsConfirmation(yes, 'christie-id', anna.id, step, now)).toBe(false);
    expect(mayUseTeamsConfirmation(yes, alex.aadObjectId, 'megan-id', step, now)).toBe(false);
    expect(mayUseTeamsConfirmation(yes, alex.aadObjectId, anna.id, { id: 'resetPassword' }, now)).toBe(false);
    expect(mayUseTeamsConfirmation(yes, alex.aadObjectId, anna.id, { id: 'removeSignInMethod', itemId: 'phone-2' }, now)).toBe(false);
  });
});

describe('asking in Teams', () => {
  function setup(options: { manager?: ManagerResult; chat?: PersonalChatResult; languages?: Record<string, string> } = {}) {
    let now = T0;
    const asked: TeamsConfirmation[] = [];
    const told: TeamsConfirmation[] = [];
    const audit: AuditRecord[] = [];
    const alerts: HelpdeskAlert[] = [];
    const reached: string[] = [];
    const reach: TeamsReach = {
      personalChat: async (userId) => {
        reached.push(userId);
        return options.chat ?? { kind: 'found', chatId: `19:${userId}_app@unq.gbl.spaces` };
      },
      manager: async () => options.manager ?? { kind: 'found', manager },
    };
    const confirmations = new TeamsConfirmations({
      store: new StorageTeamsConfirmations(new MemoryStorage()),
      reach,
      messenger: { ask: async (c) => void asked.push(c), tellOperator: async (c) => void told.push(c) },
      audit: { append: async (record: AuditRecord) => void audit.push(record) } as unknown as AuditLog,
      alert: async (alert) => void alerts.push(alert),
      languages: { languageOf: async (id) => options.languages?.[id] },
      now: () => new Date(now),
    });
    const request = (method: AskRequest['method'] = 'userInTeams'): AskRequest => ({
      operator: alex,
      operatorAddress: { conversationId: 'a:alex-chat', reference: {} },
      locale: 'en-US',
      cardId: '00000000-0000-4000-8000-000000000001',
      step: { id: 'resetPassword' },
      target: anna,
      method,
    });
    return { confirmations, asked, told, audit, alerts, reached, request, at: (ms: number) => (now = T0 + ms) };
  }

  it('asks the user in their chat; their Yes lets the operator go on once, within its minutes', async () => {
    const { confirmations, asked, told, request, at } = setup();
    const sent = await confirmations.ask(request());
    expect(sent).toMatchObject({ kind: 'asked', confirmation: { asked: { id: anna.id }, chatId: '19:anna-id_app@unq.gbl.spaces', state: 'pending' } });
    expect(asked).toHaveLength(1);
    const id = asked[0]?.id as string;
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' })).toEqual({ kind: 'none' });

    at(QUESTION_MINUTES * MINUTE - 1);
    expect(await confirmations.answer({ aadObjectId: anna.id, name: anna.displayName }, personal(), id, true)).toMatchObject({ kind: 'answered' });
    expect(told.map((c) => c.state)).toEqual(['confirmed']);
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' })).toMatchObject({ kind: 'confirmed' });
    expect(await confirmations.forStep('christie-id', anna.id, { id: 'resetPassword' })).toEqual({ kind: 'none' });
    // The user's Yes is not their manager's: asked for by method, it counts only for the method asked.
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' }, 'userInTeams')).toMatchObject({ kind: 'confirmed' });
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' }, 'managerInTeams')).toEqual({ kind: 'none' });

    expect(await confirmations.use(id, alex.aadObjectId, anna.id, { id: 'resetPassword' })).toBe(true);
    expect(await confirmations.use(id, alex.aadObjectId, anna.id, { id: 'resetPassword' })).toBe(false);
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' })).toEqual({ kind: 'none' });
  });

  it('asks in the language the asked person chose for Unlock, else in the operator\'s; the operator hears back in theirs', async () => {
    const chose = setup({ languages: { [anna.id]: 'lv', [manager.id]: 'en' } });
    expect(await chose.confirmations.ask({ ...chose.request(), locale: 'en-US' })).toMatchObject({ kind: 'asked', confirmation: { askedLocale: 'lv', locale: 'en-US' } });
    expect(await chose.confirmations.ask({ ...chose.request('managerInTeams'), step: { id: 'temporaryAccessPass' }, locale: 'lv-LV' })).toMatchObject({
      kind: 'asked',
      confirmation: { askedLocale: 'en', locale: 'lv-LV' },
    });
    const unknown = setup();
    expect(await unknown.confirmations.ask({ ...unknown.request(), locale: 'lv-LV' })).toMatchObject({ kind: 'asked', confirmation: { askedLocale: 'lv-LV' } });
  });

  it('an open question is not sent again however often the operator clicks; once it expires, a new one is', async () => {
    const { confirmations, asked, request, at } = setup();
    const first = await confirmations.ask(request());
    at(QUESTION_MINUTES * MINUTE - 1);
    const again = await confirmations.ask(request());
    expect(asked).toHaveLength(1);
    expect(again).toEqual(first);
    // Asking the manager instead is another question.
    await confirmations.ask(request('managerInTeams'));
    expect(asked).toHaveLength(2);
    at(2 * QUESTION_MINUTES * MINUTE);
    await confirmations.ask(request('managerInTeams'));
    expect(asked).toHaveLength(3);
  });

  it('a Yes not used in time runs out', async () => {
    const { confirmations, asked, request, at } = setup();
    await confirmations.ask(request());
    const id = asked[0]?.id as string;
    at(MINUTE);
    await confirmations.answer({ aadObjectId: anna.id }, personal(), id, true);
    at(MINUTE + GRANT_MINUTES * MINUTE);
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' })).toEqual({ kind: 'none' });
    expect(await confirmations.use(id, alex.aadObjectId, anna.id, { id: 'resetPassword' })).toBe(false);
  });

  it('ten Yeses at once (a double click, two instances) are one answer; a late one is none', async () => {
    const { confirmations, asked, told, request } = setup();
    await confirmations.ask(request());
    const id = asked[0]?.id as string;
    const answers = await Promise.all(Array.from({ length: 10 }, () => confirmations.answer({ aadObjectId: anna.id }, personal(), id, true)));
    expect(answers.filter((answer) => answer.kind === 'answered')).toHaveLength(1);
    expect(told).toHaveLength(1);

    const late = setup();
    await late.confirmations.ask(late.request());
    late.at(QUESTION_MINUTES * MINUTE);
    expect(await late.confirmations.answer({ aadObjectId: anna.id }, personal(), late.asked[0]?.id as string, true)).toEqual({ kind: 'gone' });
  });

  it('a No is audited with who said it, alerts the helpdesk, tells the operator, and refuses the step for 15 minutes', async () => {
    const { confirmations, asked, told, audit, alerts, request, at } = setup();
    await confirmations.ask(request());
    at(2 * MINUTE);
    await confirmations.answer({ aadObjectId: anna.id, name: anna.displayName }, personal(), asked[0]?.id as string, false);
    expect(audit).toEqual([
      expect.objectContaining({
        actor: { aadObjectId: alex.aadObjectId, name: alex.name },
        target: anna,
        step: 'resetPassword',
        verifiedBy: 'userInTeams',
        answeredInTeams: { aadObjectId: anna.id, name: anna.displayName, at: new Date(T0 + 2 * MINUTE).toISOString(), answer: 'no' },
        outcome: { kind: 'refused', reason: 'deniedInTeams' },
      }),
    ]);
    expect(alerts).toEqual([expect.objectContaining({ kind: 'deniedInTeams', operator: alex, asked: 'user', answeredBy: { aadObjectId: anna.id, name: anna.displayName } })]);
    expect(told.map((c) => c.state)).toEqual(['denied']);
    at(2 * MINUTE + 15 * MINUTE - 1);
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' })).toMatchObject({ kind: 'denied' });
    at(2 * MINUTE + 15 * MINUTE);
    expect(await confirmations.forStep(alex.aadObjectId, anna.id, { id: 'resetPassword' })).toEqual({ kind: 'none' });
  });

  it('asks the manager in the manager\'s chat; without a manager or a chat, nothing is sent or kept', async () => {
    const withManager = setup();
    expect(await withManager.confirmations.ask(withManager.request('managerInTeams'))).toMatchObject({ kind: 'asked', confirmation: { asked: manager } });
    expect(withManager.reached).toEqual([manager.id]);
    // The user cannot answer their manager's question.
    expect(await withManager.confirmations.answer({ aadObjectId: anna.id }, personal(), withManager.asked[0]?.id as string, true)).toEqual({ kind: 'gone' });

    // An operator who is the user's manager is not asked to confirm their own request.
    const ownManager = setup({ manager: { kind: 'found', manager: { id: alex.aadObjectId, displayName: alex.name } } });
    expect(await ownManager.confirmations.ask(ownManager.request('managerInTeams'))).toEqual({ kind: 'askedIsOperator' });
    expect(ownManager.asked).toEqual([]);

    const none = setup({ manager: { kind: 'none' } });
    expect(await none.confirmations.ask(none.request('managerInTeams'))).toEqual({ kind: 'noManager' });
    const unreachable = setup({ chat: { kind: 'unavailable', why: 'installing the app answered 403' } });
    expect(await unreachable.confirmations.ask(unreachable.request())).toMatchObject({ kind: 'notReached' });
    expect([...none.asked, ...unreachable.asked]).toEqual([]);
  });
});
