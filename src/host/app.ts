/**
 * Builds the whole service from a validated `Config`: the store (a local Azurite first when a local
 * run asks for blob storage without an account), the simulated tenant when there is no real one, the
 * Graph and Exchange clients, the services, the dialogs, the bot, the adapter and the HTTP server.
 * `index.ts` calls this for `npm start`; the end-to-end tests call it to run the real thing.
 */
import type { ConfigurationBotFrameworkAuthenticationOptions, Storage } from 'botbuilder';
import type { DestinationStream } from 'pino';
import { createAdapter } from './adapter';
import { startAzurite, type RunningAzurite } from './azurite';
import type { Config, StorageConfig } from './config';
import { defaultScopeOf, DevelopmentTokenCredential } from '../adapters/graph/credentials';
import type { GraphRetryPolicy } from '../adapters/graph/graphGateway';
import { memoryStores, openBlobStores, type Stores } from '../adapters/storage/stores';
import { createBot, createHelpRequestReminders, type BotOptions } from './composition';
import { startReminderTimer, type ReminderTimer, type ReminderTimerOptions } from './reminderTimer';
import { createLogger, type Logger } from '../adapters/logging';
import { createReadiness } from './readiness';
import { startServer } from './server';
import type { RunningSimulator, SimulatorOptions } from '../simulator';

export interface UnlockApp {
  readonly url: string;
  readonly logger: Logger;
  readonly storage: Storage;
  readonly stores: Stores;
  /** Present when the bot runs against the in-process simulated tenant. */
  readonly simulator?: RunningSimulator;
  /** Present when this process started a local Azurite for its storage. */
  readonly azurite?: RunningAzurite;
  /** The help-request reminders' timer: `runOnce` runs a round now (tests drive it with `StartOptions.now`). */
  readonly reminders: ReminderTimer;
  /** Drains the turns in flight (at most `graceMs`), then stops what this process started. */
  stop(graceMs?: number): Promise<void>;
}

export interface StartOptions {
  readonly logDestination?: DestinationStream;
  /** One memory store for everything, shared by the instances a test starts; overrides `config.storage`. */
  readonly storage?: Storage;
  readonly simulator?: SimulatorOptions;
  readonly retry?: GraphRetryPolicy;
  readonly generatePassword?: () => string;
  readonly authenticationOverrides?: ConfigurationBotFrameworkAuthenticationOptions;
  /** The clock of the bot and its reminder timer; the system clock unless given. */
  readonly now?: () => Date;
  /** How the reminder timer schedules its rounds (`setInterval` unless given). */
  readonly scheduleReminders?: ReminderTimerOptions['schedule'];
  /** How long a `/readyz` answer is reused (5 s by default). */
  readonly readinessReuseMs?: number;
  /** The local Azurite `config.storage` asks for, already started by the caller (index.ts starts it early); stopped with the app. */
  readonly azurite?: RunningAzurite;
}

export async function startUnlock(config: Config, options: StartOptions = {}): Promise<UnlockApp> {
  const logger = createLogger({ level: config.logLevel, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  const { stores, azurite } = options.storage ? { stores: memoryStores(options.storage), azurite: undefined } : await openStores(config.storage, options.azurite);
  let simulator: RunningSimulator | undefined;
  let simulatedTeamsAppId: string | undefined;
  let tenant;
  if (config.tenant.mode === 'endpoint') {
    tenant = config.tenant;
  } else {
    // A development tool: loaded only when there is no tenant, so a production start never loads it.
    // `require` rather than `import()`: this CommonJS build (and jest) loads it synchronously, on demand.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startSimulator, simulatorEnvironment, SEEDED, SIMULATED_TEAMS_APP } = require('../simulator') as typeof import('../simulator');
    simulatedTeamsAppId = SIMULATED_TEAMS_APP.id;
    const started = await startSimulator({ port: 0, ...simulatorEnvironment(process.env), ...options.simulator }).catch(async (error: unknown) => {
      await azurite?.stop();
      throw error;
    });
    simulator = started;
    tenant = {
      graphEndpoint: started.url,
      exchangeEndpoint: started.url,
      tenantId: SEEDED.tenantId,
      helpdeskGroupId: SEEDED.helpdeskGroup.id,
      credential: { kind: 'development' as const, credential: new DevelopmentTokenCredential() },
    };
  }

  // The simulated tenant's catalog has Unlock under its own id; a real tenant's is configured.
  const teamsAppCatalogId = config.teamsAppCatalogId ?? simulatedTeamsAppId;
  const allowedTenants = config.allowedTenants.length > 0 ? config.allowedTenants : [tenant.tenantId];
  const adapter = createAdapter({
    ...(config.bot ? { bot: config.bot } : {}),
    allowedTenants,
    logger,
    ...(options.authenticationOverrides ? { authenticationOverrides: options.authenticationOverrides } : {}),
  });
  const { storage } = stores;
  const botOptions: BotOptions = {
    storage,
    ...(stores.claims ? { claims: stores.claims } : {}),
    ...(stores.audit ? { audit: stores.audit } : {}),
    ...(stores.ledger ? { ledger: stores.ledger } : {}),
    writeLimits: config.writeLimits,
    ...(teamsAppCatalogId ? { teamsAppCatalogId } : {}),
    logger,
    cardMaxAgeMinutes: config.cardMaxAgeMinutes,
    helpdeskChannelIds: config.helpdeskChannelIds,
    protectedGroupIds: config.protectedGroupIds,
    protectAllRoleHolders: config.protectAllRoleHolders,
    ...(config.helpContact ? { helpContact: config.helpContact } : {}),
    continueConversation: (reference, logic) => adapter.continueProactively(reference, logic),
    openPersonalChat: (address) => adapter.openPersonalChat(address),
    ...(options.retry ? { retry: options.retry } : {}),
    ...(options.generatePassword ? { generatePassword: options.generatePassword } : {}),
    ...(options.now ? { now: options.now } : {}),
  };
  const bot = createBot({ ...tenant, credential: tenant.credential.credential }, botOptions);
  const reminders = startReminderTimer({
    reminders: createHelpRequestReminders(botOptions, config.helpRequestReminderMinutes),
    intervalMinutes: config.helpRequestReminderMinutes,
    logger,
    ...(options.now ? { now: options.now } : {}),
    ...(options.scheduleReminders ? { schedule: options.scheduleReminders } : {}),
  });
  const credential = tenant.credential.credential;
  const readiness = createReadiness(
    {
      storage: () => stores.check(),
      graphToken: async () => {
        if (!(await credential.getToken(defaultScopeOf(tenant.graphEndpoint)))) throw new Error('no token');
      },
    },
    logger,
    options.readinessReuseMs === undefined ? {} : { reuseMs: options.readinessReuseMs },
  );
  const server = await startServer({ adapter, bot, logger, port: config.port, host: config.host, readiness });
  logger.info(
    {
      url: server.url,
      tenant: config.tenant.mode,
      graph: tenant.graphEndpoint,
      credential: tenant.credential.kind,
      anonymous: !config.bot,
      storage: stores.description,
    },
    'Unlock is listening',
  );
  return {
    url: server.url,
    logger,
    storage,
    stores,
    ...(simulator ? { simulator } : {}),
    ...(azurite ? { azurite } : {}),
    reminders,
    stop: async (graceMs?: number) => {
      reminders.stop();
      await server.close(graceMs);
      await simulator?.stop();
      await azurite?.stop();
    },
  };
}

/** Opens the configured store; for a local run without an account, on an Azurite started here. */
async function openStores(config: StorageConfig, started: RunningAzurite | undefined): Promise<{ stores: Stores; azurite?: RunningAzurite }> {
  if (config.kind === 'memory') {
    await started?.stop();
    return { stores: memoryStores() };
  }
  if (config.location.kind !== 'localEmulator') {
    await started?.stop();
    return { stores: await openBlobStores(config.location, config.container) };
  }
  const azurite = started ?? (await startAzurite({ location: config.location.folder, port: config.location.port }));
  try {
    const stores = await openBlobStores({ kind: 'connectionString', connectionString: azurite.connectionString }, config.container);
    return { stores: { ...stores, description: `${stores.description} (Azurite, data in ${config.location.folder})` }, azurite };
  } catch (error) {
    await azurite.stop();
    throw error;
  }
}
