/**
 * The Agents Playground that `npm start` runs has no option for its bind address; `src/host/loopbackOnly.ts`,
 * preloaded into it, keeps every server that names no host on loopback. Proven on a real Node process
 * with the preload, as the Playground gets it.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { onLoopback } from '../../src/host/listenAddress';

/** The preload and what it imports, compiled as the build does, into a folder of their own. */
function preloadFile(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'loopback-'));
  for (const name of ['loopbackOnly', 'listenAddress']) {
    const source = readFileSync(path.join(__dirname, `../../src/host/${name}.ts`), 'utf8');
    const { outputText } = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } });
    writeFileSync(path.join(folder, `${name}.js`), outputText);
  }
  return path.join(folder, 'loopbackOnly.js');
}

/** Where a server started by `listenCall` (JavaScript, `server` in scope) is bound, in a process with the preload. */
function boundAddress(preload: string, listenCall: string): string {
  const script = `const server = require('node:http').createServer(); ${listenCall}; server.on('listening', () => { console.log(server.address().address); server.close(); });`;
  return execFileSync(process.execPath, ['--require', preload, '-e', script], { encoding: 'utf8' }).trim();
}

describe('the Agents Playground bound to loopback', () => {
  const preload = preloadFile();

  it.each([
    ['a port only, as the Playground calls it', 'server.listen(0, () => {})'],
    ['a port as text', "server.listen('0')"],
    ['options without a host', 'server.listen({ port: 0 })'],
    ['no arguments', 'server.listen()'],
  ])('%s is bound to 127.0.0.1', (_, listenCall) => {
    expect(boundAddress(preload, listenCall)).toBe('127.0.0.1');
  });

  it('leaves a host that was named alone', () => {
    expect(onLoopback([0, '::1'])).toEqual([0, '::1']);
    expect(onLoopback([{ port: 0, host: '::1' }])).toEqual([{ port: 0, host: '::1' }]);
  });

  it('without the preload the same call listens on every interface (what the preload is for)', () => {
    const script = "const s = require('node:http').createServer().listen(0, () => { console.log(s.address().address); s.close(); });";
    expect(['::', '0.0.0.0']).toContain(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }).trim());
  });
});
