/**
 * `npm run simulator`: the simulated tenant on its own, for trying the bot or poking at it with curl.
 *
 *   SIMULATOR_PORT        port to listen on (default 53000; 0 picks a free one)
 *   SIMULATOR_HOST        address to bind (default 127.0.0.1)
 *   SIMULATOR_LATENCY_MS  delay added to every Graph and Exchange request (default 0)
 *   SIMULATOR_FAULTS      JSON array of fault rules, e.g. [{"path":"/auditLogs/signIns","status":403}]
 */
import { readInteger, simulatorEnvironment } from './environment';
import { startSimulator } from './server';
import { SEEDED, type SeededRole } from './seeded';
import type { RunningSimulator } from './types';

const DEFAULT_PORT = 53000;

async function main(): Promise<void> {
  const simulator = await startSimulator({
    port: readInteger(process.env, 'SIMULATOR_PORT', DEFAULT_PORT),
    host: process.env['SIMULATOR_HOST'] ?? '127.0.0.1',
    ...simulatorEnvironment(process.env),
  });
  process.stdout.write(banner(simulator));
  const stop = (): void => {
    void simulator.stop().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

function banner(simulator: RunningSimulator): string {
  const { url, tenantId } = simulator;
  const roles = Object.keys(SEEDED.users) as SeededRole[];
  const width = Math.max(...roles.map((role) => SEEDED.users[role].upn.length));
  const users = roles.map((role) => {
    const user = SEEDED.users[role];
    return `  ${user.upn.padEnd(width)}  ${user.displayName}: ${user.shows}`;
  });
  const auth = "-H 'Authorization: Bearer dev'";
  const lockedOut = SEEDED.users.smartLockout;
  const search = encodeForShell('"displayName:Bērziņa" OR "userPrincipalName:berzina"');
  const signIns = encodeForShell(`userId eq '${lockedOut.id}'`);
  const batch = JSON.stringify({
    requests: [
      { id: '1', method: 'GET', url: `/users/${lockedOut.id}?$select=id,displayName,accountEnabled` },
      { id: '2', method: 'GET', url: `/identityProtection/riskyUsers/${SEEDED.users.atRisk.id}` },
    ],
  });
  const cmdlet = JSON.stringify({
    CmdletInput: {
      CmdletName: 'Get-BlockedSenderAddress',
      Parameters: { SenderAddress: SEEDED.users.restrictedSender.upn },
    },
  });
  const fault = JSON.stringify({ path: '/auditLogs/signIns', status: 429, retryAfterSeconds: 2, times: 1 });
  return [
    `Simulated tenant listening on ${url}`,
    `  Graph     ${url}/v1.0  and  ${url}/beta`,
    `  Exchange  ${url}/adminapi/beta/${tenantId}/InvokeCommand`,
    `  Tenant    ${tenantId} (${SEEDED.domain}); helpdesk group ${SEEDED.helpdeskGroup.id}`,
    '',
    'Seeded users:',
    ...users,
    '',
    'Try (any non-empty bearer token works):',
    `  curl -s ${auth} '${url}/v1.0/users/${lockedOut.upn}?$select=id,displayName,accountEnabled'`,
    `  curl -s ${auth} -H 'ConsistencyLevel: eventual' '${url}/v1.0/users?$search=${search}&$select=displayName,userPrincipalName'`,
    `  curl -s ${auth} '${url}/v1.0/auditLogs/signIns?$filter=${signIns}&$top=5'`,
    `  curl -s ${auth} -H 'Content-Type: application/json' -d '${batch}' '${url}/v1.0/$batch'`,
    `  curl -s ${auth} -H 'Content-Type: application/json' -d '${cmdlet}' '${url}/adminapi/beta/${tenantId}/InvokeCommand'`,
    `  curl -s '${url}/_simulator/users'`,
    `  curl -s -H 'Content-Type: application/json' -d '${fault}' '${url}/_simulator/faults'`,
    `  curl -s '${url}/_simulator/requests'`,
    '',
    'Ctrl+C stops it.',
    '',
  ].join('\n');
}

/** Percent-encodes a query value so it also survives inside a single-quoted shell string. */
function encodeForShell(value: string): string {
  return encodeURIComponent(value).replace(/'/g, '%27');
}

main().catch((error: unknown) => {
  process.stderr.write(`Simulated tenant failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
