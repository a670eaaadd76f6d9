/** The help-request use case over botbuilder's MemoryStorage, with a recording messenger in place of Teams. */
import { MemoryStorage } from 'botbuilder';
import { StorageHelpChannel, StorageHelpRequests } from '../../src/adapters/storage/helpRequestStore';
import { StorageRecordStore } from '../../src/adapters/storage/recordStore';
import type { Actor } from '../../src/domain/actor';
import { HelpRequests } from '../../src/operations/helpRequests';
import type { HelpDraft, HelpdeskMessenger, HelpRequestRecord } from '../../src/operations/ports';

const OPERATORS = new Set(['op-1', 'op-2']);
const operator: Actor = { aadObjectId: 'op-1', name: 'Alex Wilber' };
const secondOperator: Actor = { aadObjectId: 'op-2', name: 'Christie Cline' };
const endUser: Actor = { aadObjectId: 'user-1', name: 'Jānis Ozols' };
const CHANNEL = '19:help@thread.tacv2';
const inChannel = { conversationId: `${CHANNEL};messageid=posted-1`, conversationType: 'channel', channelId: CHANNEL };

function setUp() {
  const sent: string[] = [];
  const messenger: HelpdeskMessenger = {
    postRequest: async (_channel, request) => (sent.push(`post ${request.id}`), 'posted-1'),
    updateRequest: async (request: HelpRequestRecord) => void sent.push(`update ${request.status}`),
    tellRequester: async (request: HelpRequestRecord) => void sent.push(`tell ${request.status}`),
  };
  const storage = new MemoryStorage();
  const helpRequests = new HelpRequests({
    accounts: { refusalFor: async (actor) => (actor && OPERATORS.has(actor.aadObjectId) ? undefined : { kind: 'notOperator' }) },
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
  return { helpRequests, sent, draft };
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
    expect((await helpRequests.resolve(operator, id, inChannel)).kind).toBe('changed');
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
});
