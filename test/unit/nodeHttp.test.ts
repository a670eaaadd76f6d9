/**
 * Graph's and Exchange's connections are kept alive, but never reused once the server has said it
 * closes them: a request sent on a connection the server is closing fails with a reset.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendHttp } from '../../src/adapters/nodeHttp';

describe('sendHttp over kept-alive connections', () => {
  let server: Server;
  let connections = 0;
  let url: URL;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      response.end('{}');
    });
    // Node's server closes an idle connection after this and says so: `Keep-Alive: timeout=2`.
    server.keepAliveTimeout = 2_000;
    server.on('connection', () => {
      connections += 1;
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${(server.address() as AddressInfo).port}/v1.0/$batch`);
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('reuses a connection while the server keeps it open', async () => {
    await sendHttp('GET', url, {}, undefined, undefined);
    const opened = connections;
    await sendHttp('GET', url, {}, undefined, undefined);
    expect(connections).toBe(opened);
  });

  it("drops an idle connection a second before the server's Keep-Alive timeout, so the next request opens a new one", async () => {
    await sendHttp('GET', url, {}, undefined, undefined);
    const opened = connections;
    // Past the client's limit (2 s announced, less 1 s) and still before the server closes it.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const answer = await sendHttp('POST', url, { 'Content-Type': 'application/json' }, '{"requests":[]}', undefined);
    expect(answer.status).toBe(200);
    expect(connections).toBe(opened + 1);
  });
});
