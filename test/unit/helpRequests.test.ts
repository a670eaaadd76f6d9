/** The help-request use case over botbuilder's MemoryStorage, with a recording messenger in place of Teams. */
import { MemoryStorage } from 'botbuilder';
import { StorageHelpChannel, StorageHelpRequests } from '../../src/adapters/storage/helpRequestStore';
import { StorageRecordStore } from '../../src/adapters/storage/recordStore';
import type { Actor } from '../../src/domain/actor';
import { HelpRequests } from '../../src/operations/helpRequests';
import type { HelpDraft, HelpdeskMessenger, HelpRequestRecord } from '../../src/operations/ports';
import type { AuditRecord } from '../../src/domain/audit';
import type { AccountChecks } from '../../src/operations/checkAccount';
import { HelpRequestReminders } from '../../src/operations/helpRequestReminders';
import { StorageActionClaims } from '../../src/adapters/storage/actionClaims';

const OPERATORS = new Set(['op-1', 'op-2']);
const operator: Actor = { aadObjectId: 'op-1', name: 'Alex Wilber' };
const secondOperator: Actor = { aadObjectId: 'op-2', name: 'Christie Cline' };
const endUser: Actor = { aadObjectId: 'user-1', name: 'Jānis Ozols' };
const CHANNEL = '19:help@thread.tacv2';
const inChannel = { conversationId: `${CHANNEL};messageid=posted-1`, conversationType: 'channel', channelId: CHANNEL };

function setUp() {
  const sent: string[] = [];
  /** Set to make the asker's 1:1 chat unreachable (the user blocked the bot, or uninstalled it). */
  const unreachable = { requester: false };
  const messenger: HelpdeskMessenger = {
    postRequest: async (_channel, request) => (sent.push(`post ${request.id}`), 'posted-1'),
    updateRequest: async (request: HelpRequestRecord) => void sent.push(`update ${request.status}${request.requesterNotNotifiedAt ? ' (asker not told)' : ''}`),
    tellRequester: async (request: HelpRequestRecord) => {
      if (unreachable.requester) throw new Error('403 from the Bot Connector: the user blocked the bot');
      sent.push(`tell ${request.status}`);
    },
    tellAssignee: async (request: HelpRequestRecord) => void sent.push(`assignee ${request.assigned?.to.name ?? ''}`),
    tellWithdrawn: async (request: HelpRequestRecord) => void sent.push(`withdrawn to ${request.takenBy?.by.name ?? ''}`),
    remind: async (_channel, request: HelpRequestRecord) => void sent.push(`remind ${request.id}`),
  };
  const audit: AuditRecord[] = [];
  const storage = new MemoryStorage();
  const helpRequests = new HelpRequests({
    accounts: {
      refusalFor: async (actor) => (actor && OPERATORS.has(actor.aadObjectId) ? undefined : { kind: 'notOperator' }),
      history: (async (targetId: string) => audit.filter((record) => record.target.id === targetId)) as unknown as AccountChecks['history'],
    },
    operators: { check: async (id: string) => (OPERATORS.has(id) ? { kind: 'operator' as const } : { kind: 'notOperator' as const, userPrincipalName: 'janis.ozols@contoso.lv' }) },
    members: { list: async () => [{ aadObjectId: 'op-1', name: 'Alex Wilber' }, { aadObjectId: 'op-2', name: 'Christie Cline' }, { aadObjectId: 'former-1', name: 'Left The Team' }] },
    channel: new StorageHelpChannel(storage),
    requests: new StorageHelpRequests(storage),
    drafts: new StorageRecordStore<HelpDraft>(storage, 'helpDrafts'),
    messenger,
  });
  const draft: HelpDraft = {
    requester: { aadObjectId: endUser.aadObjectId, name: 'Jānis Ozols' },
    requestedFor: { kind: 'self' },
    wrote: "I can't sign in",
    address: { conversationId: 'a:user-chat', reference: {} },
    locale: 'en',
  };
  return { helpRequests, sent, draft, audit, storage, unreachable };
}

describe('help requests', () => {
  it('two operators taking the same request at once make one change', async () => {
    const { helpRequests, sent, draft } = setUp();
    await helpRequests.useChannel(operator, { conversationId: CHANNEL, reference: {} }, 'en');
    const raised = await helpRequests.raise(draft);
    expect(raised.kind).toBe('posted');
    const id = raised.kind === 'posted' ? raised.request.id : '';
    const results = await Promise.all([helpRequests.take(operator, id, inChannel), helpRequests.take(secondOperator, id, inChannel)]);
    expect(results.map((result) => result.kind).sort()).toEqual(['changed', 'unchanged']);
    expect(sent.filter((line) => line.startsWith('update') || line.startsWith('tell'))).toEqual(['update taken', 'tell taken']);
  });

  it('refuses someone who is not an operator before reading the request, and a click outside the channel it was posted to', async () => {
    const { helpRequests, draft } = setUp();
    expect(await helpRequests.useChannel(endUser, { conversationId: CHANNEL, reference: {} }, 'en')).toEqual({ kind: 'notOperator' });
    await helpRequests.useChannel(operator, { conversationId: CHANNEL, reference: {} }, 'en');
    const raised = await helpRequests.raise(draft);
    const id = raised.kind === 'posted' ? raised.request.id : '';
    expect(await helpRequests.take(endUser, id, inChannel)).toEqual({ kind: 'notOperator' });
    expect(await helpRequests.resolve(operator, id, { conversationId: 'a:elsewhere', conversationType: 'personal' })).toEqual({ kind: 'otherConversation' });
    expect((await helpRequests.resolve(operator, id, inChannel)).kind).toBe('noteNeeded');
    expect((await helpRequests.resolve(operator, id, inChannel, 'Reset the password')).kind).toBe('changed');
  });

  it('keeps a request when there is no channel, and raises a button\'s draft once, only for its asker', async () => {
    const { helpRequests, sent, draft } = setUp();
    const draftId = await helpRequests.draft(draft);
    expect(await helpRequests.raiseDraft(operator, draftId)).toEqual({ kind: 'gone' });
    expect((await helpRequests.raiseDraft(endUser, draftId)).kind).toBe('noChannel');
    expect((await helpRequests.raiseDraft(endUser, draftId)).kind).toBe('alreadyRaised');
    expect(sent).toEqual([]);
    const listed = await helpRequests.list(operator, { conversationId: 'a:op-chat', conversationType: 'personal' });
    expect(listed.kind === 'listed' ? listed.requests.map((request) => request.id) : []).toEqual([draftId]);
  });

  async function posted() {
    const set = setUp();
    await set.helpRequests.useChannel(operator, { conversationId: CHANNEL, reference: {} }, 'en');
    const raised = await set.helpRequests.raise(set.draft);
    return { ...set, id: raised.kind === 'posted' ? raised.request.id : '' };
  }

  it('resolves with the note and the steps the audit trail shows since the request was raised; a closed request moves no more', async () => {
    const { helpRequests, id, audit, sent } = await posted();
    const record = (at: string, outcome: AuditRecord['outcome']): AuditRecord => ({
      at,
      actionId: `card:${at}`,
      actor: { aadObjectId: 'op-1', name: 'Alex Wilber' },
      place: inChannel,
      target: { id: endUser.aadObjectId, userPrincipalName: 'janis.ozols@contoso.lv', displayName: 'Jānis Ozols' },
      step: 'allowSignIn',
      outcome,
    });
    audit.push(record('2000-01-01T00:00:00.000Z', { kind: 'succeeded' }), record('2999-01-01T00:00:00.000Z', { kind: 'succeeded' }), record('2999-01-01T00:00:01.000Z', { kind: 'refused', reason: 'notNeeded' }));
    expect((await helpRequests.resolve(operator, id, inChannel, '   ')).kind).toBe('noteNeeded');
    const resolved = await helpRequests.resolve(operator, id, inChannel, 'Unblocked sign-in after a call back');
    expect(resolved.kind === 'changed' ? resolved.request.resolution : undefined).toEqual({
      note: 'Unblocked sign-in after a call back',
      steps: [{ step: 'allowSignIn', by: 'Alex Wilber', at: '2999-01-01T00:00:00.000Z' }],
    });
    expect(sent).toContain('tell resolved');
    expect((await helpRequests.take(secondOperator, id, inChannel)).kind).toBe('unchanged');
    expect((await helpRequests.assign(secondOperator, id, inChannel, 'op-2')).kind).toBe('unchanged');
  });

  it('assigns only to a current operator from the helpdesk group, re-checked at the click, and tells the assignee', async () => {
    const { helpRequests, id, sent } = await posted();
    const choice = await helpRequests.assign(operator, id, inChannel);
    expect(choice.kind === 'choose' ? choice.members.map((member) => member.aadObjectId) : []).toEqual(['op-2', 'former-1']);
    expect((await helpRequests.assign(operator, id, inChannel, 'former-1')).kind).toBe('assigneeNotOperator');
    expect((await helpRequests.assign(operator, id, inChannel, 'someone-not-listed')).kind).toBe('assigneeNotOperator');
    expect(await helpRequests.assign(endUser, id, inChannel, 'op-2')).toEqual({ kind: 'notOperator' });
    expect(sent.filter((line) => !line.startsWith('post'))).toEqual([]);
    const assigned = await helpRequests.assign(operator, id, inChannel, 'op-2');
    expect(assigned.kind === 'changed' ? [assigned.request.status, assigned.request.assigned?.to.name, assigned.request.assigned?.by.name] : []).toEqual(['taken', 'Christie Cline', 'Alex Wilber']);
    expect(sent.filter((line) => !line.startsWith('post'))).toEqual(['update taken', 'tell taken', 'assignee Christie Cline']);
  });

  it('lets only the asker withdraw, from the chat they asked in; a withdrawn request cannot be taken or resolved', async () => {
    const { helpRequests, id, sent } = await posted();
    const askerChat = { conversationId: 'a:user-chat', conversationType: 'personal' };
    expect(await helpRequests.withdraw(operator, id, { conversationId: 'a:user-chat', conversationType: 'personal' })).toEqual({ kind: 'notRequester' });
    expect(await helpRequests.withdraw(endUser, id, { conversationId: 'a:another-chat', conversationType: 'personal' })).toEqual({ kind: 'notRequester' });
    expect(sent.filter((line) => !line.startsWith('post'))).toEqual([]);
    const withdrawn = await helpRequests.withdrawLatest(endUser, askerChat);
    expect(withdrawn.kind === 'changed' ? withdrawn.request.status : withdrawn.kind).toBe('withdrawn');
    expect(sent.filter((line) => !line.startsWith('post'))).toEqual(['update withdrawn']);
    expect((await helpRequests.take(operator, id, inChannel)).kind).toBe('unchanged');
    expect((await helpRequests.resolve(operator, id, inChannel, 'done')).kind).toBe('unchanged');
    expect(await helpRequests.withdrawLatest(endUser, askerChat)).toEqual({ kind: 'nothingOpen' });
  });

  it('tells the operator who had the request, in their 1:1 chat, when its asker withdraws it (taken or assigned)', async () => {
    const { helpRequests, id, sent } = await posted();
    await helpRequests.assign(operator, id, inChannel, 'op-2');
    sent.length = 0;
    const withdrawn = await helpRequests.withdraw(endUser, id, { conversationId: 'a:user-chat', conversationType: 'personal' });
    expect(withdrawn.kind).toBe('changed');
    expect(sent).toEqual(['update withdrawn', 'withdrawn to Christie Cline']);
  });

  it('says on the shared card when the asker could not be told of a change, and stops saying it once a notice reaches them', async () => {
    const { helpRequests, id, sent, storage, unreachable } = await posted();
    unreachable.requester = true;
    sent.length = 0;
    const taken = await helpRequests.take(operator, id, inChannel);
    expect(taken.kind === 'changed' ? taken.request.requesterNotNotifiedAt : undefined).toEqual(expect.any(String));
    expect(sent).toEqual(['update taken', 'update taken (asker not told)']);
    expect((await new StorageHelpRequests(storage).get(id))?.requesterNotNotifiedAt).toEqual(expect.any(String));
    // The asker is reachable again: the resolution reaches them, and the card no longer carries the warning.
    unreachable.requester = false;
    const resolved = await helpRequests.resolve(operator, id, inChannel, 'Done');
    expect(resolved.kind === 'changed' ? resolved.request.requesterNotNotifiedAt : 'none').toBeUndefined();
  });

  it('drops the "could not be told" line when the asker withdraws: they acted in their own chat', async () => {
    const { helpRequests, id, unreachable } = await posted();
    unreachable.requester = true;
    await helpRequests.take(operator, id, inChannel);
    const withdrawn = await helpRequests.withdraw(endUser, id, { conversationId: 'a:user-chat', conversationType: 'personal' });
    expect(withdrawn.kind === 'changed' ? [withdrawn.request.status, withdrawn.request.requesterNotNotifiedAt] : []).toEqual(['withdrawn', undefined]);
  });

  it('Check account takes whose account from the stored request: the asker\'s own, or the colleague they named', async () => {
    const { helpRequests, id } = await posted();
    const target = await helpRequests.checkTarget(operator, id, inChannel);
    expect(target.kind === 'user' ? target.user : undefined).toEqual({ id: endUser.aadObjectId, userPrincipalName: 'janis.ozols@contoso.lv', displayName: 'Jānis Ozols' });
    expect(await helpRequests.checkTarget(endUser, id, inChannel)).toEqual({ kind: 'notOperator' });

    const { helpRequests: forColleague, draft } = await posted();
    const named = await forColleague.raise({ ...draft, requestedFor: { kind: 'colleague', name: 'Anna Bērziņa' } });
    const unnamed = await forColleague.raise({ ...draft, requestedFor: { kind: 'colleague' } });
    const namedTarget = await forColleague.checkTarget(operator, named.kind === 'posted' ? named.request.id : '', inChannel);
    expect(namedTarget.kind === 'name' ? namedTarget.name : namedTarget.kind).toBe('Anna Bērziņa');
    expect((await forColleague.checkTarget(operator, unnamed.kind === 'posted' ? unnamed.request.id : '', inChannel)).kind).toBe('unnamed');
    // Once an operator's check found the account, that account is the request's, for Resolve's audit trail.
    await forColleague.recordTarget(named.kind === 'posted' ? named.request.id : '', { id: 'anna-1', userPrincipalName: 'anna.berzina@contoso.lv', displayName: 'Anna Bērziņa' });
    const recorded = await forColleague.checkTarget(operator, named.kind === 'posted' ? named.request.id : '', inChannel);
    expect(recorded.kind === 'user' ? recorded.user.id : recorded.kind).toBe('anna-1');
  });

  it('reminds once per interval of a request nobody took, and with two instances only one posts it', async () => {
    const { id, sent, storage } = await posted();
    const raisedAt = Date.now();
    const reminders = () =>
      new HelpRequestReminders({
        channel: new StorageHelpChannel(storage),
        requests: new StorageHelpRequests(storage),
        messenger: { remind: async (_channel, request) => void sent.push(`remind ${request.id}`) },
        claims: new StorageActionClaims(storage),
        intervalMinutes: 30,
      });
    const [first, second] = [reminders(), reminders()];
    expect(await first.remindDue(new Date(raisedAt + 29 * 60_000))).toBe(0);
    const at31 = new Date(raisedAt + 31 * 60_000);
    expect((await Promise.all([first.remindDue(at31), second.remindDue(at31)])).reduce((a, b) => a + b)).toBe(1);
    expect(await second.remindDue(new Date(raisedAt + 45 * 60_000))).toBe(0);
    expect(await second.remindDue(new Date(raisedAt + 62 * 60_000))).toBe(1);
    expect(sent.filter((line) => line.startsWith('remind'))).toEqual([`remind ${id}`, `remind ${id}`]);
  });
});
