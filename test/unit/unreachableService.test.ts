/**
 * A Graph or Exchange call that gets no answer (nothing listening, a reset) is logged with why, not
 * only as status 0, so an operator's "could not check the account" can be traced in the log.
 */
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { ExchangeAdminClient } from '../../src/adapters/exchange/exchangeAdminClient';
import { DevelopmentTokenCredential } from '../../src/adapters/graph/credentials';
import { GraphGateway } from '../../src/adapters/graph/graphGateway';
import { describeNetworkError } from '../../src/adapters/networkError';

/** A loopback address where nothing listens: a port taken and given back. */
async function closedEndpoint(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe('a call that gets no answer', () => {
  it('Graph: answers status 0 and logs the network error', async () => {
    const logged: { status: number; networkError?: string }[] = [];
    const graph = new GraphGateway({ endpoint: await closedEndpoint(), credential: new DevelopmentTokenCredential(), onResponse: (info) => logged.push(info) });
    const answer = await graph.get('/users/meganb@contoso.com');
    expect(answer.status).toBe(0);
    expect(logged).toEqual([expect.objectContaining({ status: 0, networkError: expect.stringMatching(/ECONNREFUSED/) })]);
  });

  it('Exchange: answers status 0 and logs the network error', async () => {
    const logged: { status: number; networkError?: string }[] = [];
    const exchange = new ExchangeAdminClient({
      endpoint: await closedEndpoint(),
      tenantId: '00000000-0000-0000-0000-000000000001',
      credential: new DevelopmentTokenCredential(),
      onResponse: (info) => logged.push(info),
    });
    const answer = await exchange.invokeCommand('Get-BlockedSenderAddress', { SenderAddress: 'meganb@contoso.com' });
    expect(answer.status).toBe(0);
    expect(logged).toEqual([expect.objectContaining({ status: 0, networkError: expect.stringMatching(/ECONNREFUSED/) })]);
  });
});

describe('describeNetworkError', () => {
  it('names an error without a message by its code, or by what it wraps', () => {
    // Node: a refused connection to a name with two addresses (::1 and 127.0.0.1).
    expect(describeNetworkError(Object.assign(new AggregateError([], ''), { code: 'ECONNREFUSED' }))).toBe('ECONNREFUSED');
    expect(describeNetworkError(new Error('', { cause: new Error('read ECONNRESET') }))).toBe('read ECONNRESET');
    expect(describeNetworkError(new Error('socket hang up'))).toBe('socket hang up');
  });
});
