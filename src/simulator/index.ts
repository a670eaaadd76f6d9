/**
 * The simulated tenant: a local HTTP server speaking Microsoft Graph's and the Exchange Online
 * admin API's wire formats for exactly the calls Unlock makes, with seeded users that show every
 * finding. See README.md in this folder.
 */
export { startSimulator } from './server';
export type { RecordedRequest, RunningSimulator, SimulatorOptions } from './types';
export type { FaultRule } from './faults';
export { seedTenant } from './seed';
export { SEEDED, type SeededRole, type SeededUser } from './seeded';
export { ROLE } from './roles';
export { SIMULATED_TEAMS_APP, installTeamsApp, installedTeamsApps, personalChatId } from './teamsApps';
export { simulatorEnvironment } from './environment';
export type * from './state';
