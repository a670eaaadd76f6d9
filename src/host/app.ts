/**
 * Builds the whole service from a validated `Config`: the simulated tenant when there is no real
 * one, the Graph and Exchange clients, the services, the dialogs, the bot, the adapter and the HTTP
 * server. `index.ts` calls this for `npm start`; the end-to-end tests call it to run the real thing.
 */
import { MemoryStorage, type ConfigurationBotFrameworkAuthenticationOptions, type Storage } from 'botbuilder';
import type { DestinationStream } from 'pino';
import { createAdapter } from './adapter';
import type { Config } from './config';
import { DevelopmentTokenCredential } from '../adapters/graph/credentials';
import type { GraphRetryPolicy } from '../adapters/graph/graphGateway';
import { createBot } from './composition';
import { createLogger, type Logger } from '../adapters/logging';
import { startServer } from './server';
import type { RunningSimulator, SimulatorOptions } from '../simulator';

export interface UnlockApp {
  readonly url: string;
  readonly logger: Logger;
  readonly storage: Storage;
  /** Present when the bot runs against the in-process simulated tenant. */
  readonly simulator?: RunningSimulator;
  stop(): Promise<void>;
}

export interface StartOptions {
  readonly logDestination?: DestinationStream;
  readonly storage?: Storage;
  readonly simulator?: SimulatorOptions;
  readonly retry?: GraphRetryPolicy;
  readonly generatePassword?: () => string;
  readonly authenticationOverrides?: ConfigurationBotFrameworkAuthenticationOptions;
}

export async function startUnlock(config: Config, options: StartOptions = {}): Promise<UnlockApp> {
  const logger = createLogger({ level: config.logLevel, ...(options.logDestination ? { destination: options.logDestination } : {}) });
  let simulator: RunningSimulator | undefined;
  let tenant;
  if (config.tenant.mode === 'endpoint') {
    tenant = config.tenant;
  } else {
    // A development tool: loaded only when there is no tenant, so a production start never loads it.
    // `require` rather than `import()`: this CommonJS build (and jest) loads it synchronously, on demand.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { startSimulator, simulatorEnvironment, SEEDED } = require('../simulator') as typeof import('../simulator');
    const started = await startSimulator({ port: 0, ...simulatorEnvironment(process.env), ...options.simulator });
    simulator = started;
    tenant = {
      graphEndpoint: started.url,
      exchangeEndpoint: started.url,
      tenantId: SEEDED.tenantId,
      helpdeskGroupId: SEEDED.helpdeskGroup.id,
      credential: { kind: 'development' as const, credential: new DevelopmentTokenCredential() },
    };
  }

  const storage = options.storage ?? new MemoryStorage();
  const bot = createBot(
    { ...tenant, credential: tenant.credential.credential },
    {
      storage,
      logger,
      cardMaxAgeMinutes: config.cardMaxAgeMinutes,
      helpdeskChannelIds: config.helpdeskChannelIds,
      ...(options.retry ? { retry: options.retry } : {}),
      ...(options.generatePassword ? { generatePassword: options.generatePassword } : {}),
    },
  );
  const allowedTenants = config.allowedTenants.length > 0 ? config.allowedTenants : [tenant.tenantId];
  const adapter = createAdapter({
    ...(config.bot ? { bot: config.bot } : {}),
    allowedTenants,
    logger,
    ...(options.authenticationOverrides ? { authenticationOverrides: options.authenticationOverrides } : {}),
  });
  const server = await startServer({ adapter, bot, logger, port: config.port, host: config.host });
  logger.info(
    { url: server.url, tenant: config.tenant.mode, graph: tenant.graphEndpoint, credential: tenant.credential.kind, anonymous: !config.bot },
    'Unlock is listening',
  );
  return {
    url: server.url,
    logger,
    storage,
    ...(simulator ? { simulator } : {}),
    stop: async () => {
      await server.close();
      await simulator?.stop();
    },
  };
}
