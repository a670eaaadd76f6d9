/**
 * Wires the services, dialogs and bot for one tenant connection. The HTTP service (`app.ts`) and the
 * dialog tests both build the bot here, so what the tests drive is what runs.
 */
import { PrivateConversationState, UserState, type Storage } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { TokenCredential } from '@azure/identity';
import { GraphOperatorDirectory } from '../adapters/graph/operatorDirectory';
import { UnlockBot } from '../teams/bot';
import { GraphDirectoryService } from '../adapters/graph/directoryService';
import { ExchangeAdminClient } from '../adapters/exchange/exchangeAdminClient';
import { ExchangeRestrictedSenders } from '../adapters/exchange/restrictedSenders';
import { GraphGateway, type GraphRetryPolicy } from '../adapters/graph/graphGateway';
import type { Logger } from '../adapters/logging';
import { GraphRemediationGateway } from '../adapters/graph/accountWrites';
import { RemediationService } from '../operations/runStep';
import { generateTemporaryPassword } from '../steps/temporaryPassword';
import type { CardOffer, UserChoice } from '../adapters/storage/cardRecords';
import { StorageRecordStore } from '../adapters/storage/recordStore';
import { StorageActionClaims } from '../adapters/storage/actionClaims';
import { MainDialog } from '../teams/router';
import type { UserPreferences } from '../teams/preferences';
import type { DialogDependencies } from '../../dialogs/dependencies';
import { StorageAuditLog } from '../adapters/audit/storageAuditLog';

export interface TenantEndpoints {
  readonly graphEndpoint: string;
  readonly exchangeEndpoint: string;
  readonly tenantId: string;
  readonly helpdeskGroupId: string;
  readonly credential: TokenCredential;
}

export interface BotOptions {
  readonly storage: Storage;
  readonly logger: Logger;
  readonly retry?: GraphRetryPolicy;
  readonly generatePassword?: () => string;
  readonly cardMaxAgeMinutes?: number;
  readonly now?: () => Date;
  /** Teams channel ids where account details may be shown (`HELPDESK_CHANNEL_IDS`). */
  readonly helpdeskChannelIds?: readonly string[];
  readonly turnBudgetMs?: number;
}

/** How long a findings card may be acted on before it asks for a fresh check (`CARD_MAX_AGE_MINUTES`). */
export const DEFAULT_CARD_MAX_AGE_MINUTES = 15;

export function createBot(tenant: TenantEndpoints, options: BotOptions): UnlockBot {
  const { logger } = options;
  const deps = createDialogDependencies(tenant, options);
  const dialogState = new PrivateConversationState(options.storage);
  const userState = new UserState(options.storage);
  const main = new MainDialog(
    deps,
    dialogState.createProperty<DialogState>('dialogState'),
    userState.createProperty<UserPreferences>('preferences'),
  );
  return new UnlockBot({ main, states: [dialogState, userState], logger, ...(options.turnBudgetMs ? { turnBudgetMs: options.turnBudgetMs } : {}) });
}

/** The services the dialogs use, for one tenant connection and one store. */
export function createDialogDependencies(tenant: TenantEndpoints, options: BotOptions): DialogDependencies {
  const { logger } = options;
  const graph = new GraphGateway({
    endpoint: tenant.graphEndpoint,
    credential: tenant.credential,
    ...(options.retry ? { retry: options.retry } : {}),
    onResponse: (info) => logger.info({ graph: info }, 'graph call'),
  });
  const exchange = new ExchangeAdminClient({
    endpoint: tenant.exchangeEndpoint,
    tenantId: tenant.tenantId,
    credential: tenant.credential,
    ...(options.retry ? { maxRetries: options.retry.maxRetries, maxRetryAfterSeconds: options.retry.maxRetryAfterSeconds } : {}),
    onResponse: (info) => logger.info({ exchange: info }, 'exchange call'),
  });
  const restrictedSenders = new ExchangeRestrictedSenders(exchange);
  const directory = new GraphDirectoryService(graph, restrictedSenders);
  const operators = new GraphOperatorDirectory(graph, tenant.helpdeskGroupId);
  const offers = new StorageRecordStore<CardOffer>(options.storage, 'offers');
  const audit = new StorageAuditLog(options.storage);
  const remediation = new RemediationService({
    directory,
    operators,
    offers,
    claims: new StorageActionClaims(options.storage),
    audit,
    onAfterWriteError: (error) => logger.error({ err: error }, 'follow-up after a write failed; the write stands'),
    gateway: new GraphRemediationGateway(graph, restrictedSenders),
    generatePassword: options.generatePassword ?? generateTemporaryPassword,
    cardMaxAgeMinutes: options.cardMaxAgeMinutes ?? DEFAULT_CARD_MAX_AGE_MINUTES,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    directory,
    operators,
    remediation,
    audit,
    offers,
    choices: new StorageRecordStore<UserChoice>(options.storage, 'choices'),
    helpdeskChannelIds: options.helpdeskChannelIds ?? [],
  };
}
