/**
 * Wires the services, dialogs and bot for one tenant connection. The HTTP service (`app.ts`) and the
 * dialog tests both build the bot here, so what the tests drive is what runs.
 */
import { PrivateConversationState, UserState, type Storage } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import type { TokenCredential } from '@azure/identity';
import type { DialogDependencies } from '../../dialogs/dependencies';
import { StorageAuditLog } from '../adapters/audit/storageAuditLog';
import { ExchangeAdminClient } from '../adapters/exchange/exchangeAdminClient';
import { ExchangeRestrictedSenders } from '../adapters/exchange/restrictedSenders';
import { GraphDirectoryService } from '../adapters/graph/directoryService';
import { GraphGateway, type GraphRetryPolicy } from '../adapters/graph/graphGateway';
import { GraphOperatorDirectory } from '../adapters/graph/operatorDirectory';
import { GraphTenantWrites } from '../adapters/graph/tenantWrites';
import type { Logger } from '../adapters/logging';
import { StorageActionClaims } from '../adapters/storage/actionClaims';
import { StorageRecordStore } from '../adapters/storage/recordStore';
import { StorageHelpChannel, StorageHelpRequests } from '../adapters/storage/helpRequestStore';
import { HelpRequests } from '../operations/helpRequests';
import { HelpRequestReminders } from '../operations/helpRequestReminders';
import { OwnAccount } from '../operations/ownAccount';
import { GraphHelpdeskMembers } from '../adapters/graph/helpdeskMembers';
import { HelpdeskAlerts } from '../operations/alerts';
import { WriteLimits, type LimitSettings } from '../operations/writeLimits';
import { StorageLanguagePreferences } from '../adapters/storage/languagePreferences';
import { StorageAlertChannel } from '../adapters/storage/alertChannelStore';
import { StorageWriteLedger } from '../adapters/storage/writeLedger';
import { AlertTurns, TeamsAlertMessenger } from '../teams/alertTurns';
import { TeamsConfirmations } from '../operations/teamsConfirmations';
import { GraphTeamsReach } from '../adapters/graph/teamsReach';
import { StorageTeamsConfirmations } from '../adapters/storage/teamsConfirmationStore';
import { TeamsConfirmationMessenger, TeamsConfirmationTurns } from '../teams/teamsConfirmationTurns';
import type { HelpDraft } from '../operations/ports';
import { HelpRequestTurns } from '../teams/helpRequestTurns';
import { TeamsHelpdeskMessenger, type ContinueConversation } from '../teams/proactive';
import { SharedCardViewers } from '../teams/sharedCardViewers';
import type { DiagnosisOptions } from '../diagnosis/diagnose';
import { AccountChecks } from '../operations/checkAccount';
import type { ActionClaims, AuditLog, CardOffer, UserChoice, WriteLedger } from '../operations/ports';
import { StepRunner } from '../operations/runStep';
import { generateTemporaryPassword } from '../steps/temporaryPassword';
import { UnlockBot } from '../teams/bot';
import { CardActions } from '../teams/cardActions';
import { ChannelCards, type OpenPersonalChat } from '../teams/channelCards';
import type { UserPreferences } from '../teams/preferences';
import { Router } from '../teams/router';

export interface TenantEndpoints {
  readonly graphEndpoint: string;
  readonly exchangeEndpoint: string;
  readonly tenantId: string;
  readonly helpdeskGroupId: string;
  readonly credential: TokenCredential;
}

export interface BotOptions {
  /** Dialog state, preferences and card records; also claims and the audit trail unless given below. */
  readonly storage: Storage;
  /** For a store that can create on condition of absence (Blob Storage); see src/adapters/storage/stores.ts. */
  readonly claims?: ActionClaims;
  readonly audit?: AuditLog;
  /** Counts for the limits on writes; in `storage` unless given (Blob Storage has its own). */
  readonly ledger?: WriteLedger;
  /** `LIMIT_*`: the limits on sensitive writes where they differ from each step's defaults. */
  readonly writeLimits?: LimitSettings;
  /** `TEAMS_APP_CATALOG_ID`: Unlock in the tenant's app catalog, to install it for a user asked in Teams. */
  readonly teamsAppCatalogId?: string;
  readonly logger: Logger;
  readonly retry?: GraphRetryPolicy;
  readonly generatePassword?: () => string;
  readonly cardMaxAgeMinutes?: number;
  readonly now?: () => Date;
  /** Teams channel ids where account details may be shown (`HELPDESK_CHANNEL_IDS`). */
  readonly helpdeskChannelIds?: readonly string[];
  /** `PROTECTED_GROUP_IDS`: members are never changed, like the helpdesk group's. */
  readonly protectedGroupIds?: readonly string[];
  /** `PROTECT_ALL_ROLE_HOLDERS`: any role holder is out of reach (default true). */
  readonly protectAllRoleHolders?: boolean;
  readonly turnBudgetMs?: number;
  /** Whom an end user is told to contact when no help-request channel is set (`HELP_CONTACT`). */
  readonly helpContact?: string;
  /** Proactive messages (the help-request channel, notices to askers): the adapter's, from the host. */
  readonly continueConversation?: ContinueConversation;
  /** Creates (or finds) the 1:1 chat with a person, for a secret made from a channel: the adapter's, from the host. */
  readonly openPersonalChat?: OpenPersonalChat;
}

/** How long a findings card may be acted on before it asks for a fresh check (`CARD_MAX_AGE_MINUTES`). */
export const DEFAULT_CARD_MAX_AGE_MINUTES = 15;

export function createBot(tenant: TenantEndpoints, options: BotOptions): UnlockBot {
  const { logger } = options;
  const operations = createOperations(tenant, options);
  const dialogState = new PrivateConversationState(options.storage);
  const userState = new UserState(options.storage);
  const helpdeskChannelIds = options.helpdeskChannelIds ?? [];
  const requestCardViewers = new SharedCardViewers(options.storage, (error, what) => logger.error({ err: error, what }, 'a help-request card viewer could not be stored'));
  const helpdeskMessenger = helpRequestMessenger(options, requestCardViewers);
  const helpRequests = new HelpRequestTurns({
    helpRequests: new HelpRequests({
      accounts: operations.accounts,
      operators: operations.operators,
      members: operations.members,
      channel: new StorageHelpChannel(options.storage),
      requests: new StorageHelpRequests(options.storage),
      drafts: new StorageRecordStore<HelpDraft>(options.storage, 'helpDrafts'),
      messenger: helpdeskMessenger,
      onDeliveryError: (error, what) => logger.error({ err: error, what }, 'a help-request message could not be delivered'),
      ...(options.now ? { now: options.now } : {}),
    }),
    accounts: operations.accounts,
    inPersonalChat: (person, via, logic) => helpdeskMessenger.inPersonalChat(person, via, logic),
    ownAccount: operations.ownAccount,
    ...(options.helpContact ? { helpContact: options.helpContact } : {}),
    viewers: requestCardViewers,
  });
  // Without the host's adapter (a test's own), a secret from a channel has nowhere private to go: refused.
  const channelCards = new ChannelCards({
    storage: options.storage,
    ...(options.openPersonalChat ? { openPersonalChat: options.openPersonalChat } : {}),
    ...(options.continueConversation ? { continueConversation: options.continueConversation } : {}),
    onDeliveryError: (error, what) => logger.error({ err: error, what }, 'a channel card or private message could not be delivered'),
  });
  const router = new Router(
    { accounts: operations.accounts, helpdeskChannelIds, helpRequests, alerts: new AlertTurns(operations.alerts), channelCards, languages: operations.languages, cardActions: new CardActions({ ...operations, helpdeskChannelIds, helpRequests, channelCards, teamsConfirmations: new TeamsConfirmationTurns(operations.confirmations) }) },
    dialogState.createProperty<DialogState>('dialogState'),
    userState.createProperty<UserPreferences>('preferences'),
  );
  return new UnlockBot({ router, states: [dialogState, userState], logger, ...(options.turnBudgetMs ? { turnBudgetMs: options.turnBudgetMs } : {}) });
}

function helpRequestMessenger(options: BotOptions, viewers?: SharedCardViewers): TeamsHelpdeskMessenger {
  return new TeamsHelpdeskMessenger(options.continueConversation ?? noProactiveMessages, options.openPersonalChat, viewers);
}

/**
 * Reminders about help requests nobody took, over the same store as the bot: the host runs
 * `remindDue` on a timer (every instance may; the claims store lets one post each reminder).
 */
export function createHelpRequestReminders(options: BotOptions, intervalMinutes: number): HelpRequestReminders {
  return new HelpRequestReminders({
    channel: new StorageHelpChannel(options.storage),
    requests: new StorageHelpRequests(options.storage),
    messenger: helpRequestMessenger(options, new SharedCardViewers(options.storage)),
    claims: options.claims ?? new StorageActionClaims(options.storage),
    intervalMinutes,
    onDeliveryError: (error, what) => options.logger.error({ err: error, what }, 'a help-request reminder could not be delivered'),
  });
}

/** Without an adapter to send through (a test's own), a help request is stored and the asker told whom to contact. */
const noProactiveMessages: ContinueConversation = () => Promise.reject(new Error('No proactive messages without an adapter.'));

/** What the dialogs use, for one tenant connection and one store. */
export function createDialogDependencies(tenant: TenantEndpoints, options: BotOptions): DialogDependencies {
  return { accounts: createOperations(tenant, options).accounts };
}

/** The use cases, over the adapters for one tenant connection and one store. */
function createOperations(
  tenant: TenantEndpoints,
  options: BotOptions,
): {
  accounts: AccountChecks;
  steps: StepRunner;
  alerts: HelpdeskAlerts;
  confirmations: TeamsConfirmations;
  operators: GraphOperatorDirectory;
  members: GraphHelpdeskMembers;
  ownAccount: OwnAccount;
  languages: StorageLanguagePreferences;
} {
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
  // The host's clock (a test's, when it moves time on) decides when a cached operator answer runs out.
  const clock = options.now;
  const operators = new GraphOperatorDirectory(graph, tenant.helpdeskGroupId, clock ? () => clock().getTime() : undefined);
  const groups = { helpdeskGroupId: tenant.helpdeskGroupId, protectedGroupIds: options.protectedGroupIds ?? [] };
  // The operator check rides in the lookup's $batch when it is not cached.
  const directory = new GraphDirectoryService(graph, restrictedSenders, groups, undefined, { operators });
  const diagnosisOptions: DiagnosisOptions = { protectAllRoleHolders: options.protectAllRoleHolders ?? true };
  const offers = new StorageRecordStore<CardOffer>(options.storage, 'offers');
  const claims = options.claims ?? new StorageActionClaims(options.storage);
  const audit = options.audit ?? new StorageAuditLog(options.storage);
  const accounts = new AccountChecks({
    diagnosis: diagnosisOptions,
    directory,
    operators,
    offers,
    choices: new StorageRecordStore<UserChoice>(options.storage, 'choices'),
    claims,
    audit,
  });
  // Alerts go to the alert channel, else the help-request channel, else only to this log line.
  const alerts = new HelpdeskAlerts({
    accounts,
    alertChannel: new StorageAlertChannel(options.storage),
    helpChannel: new StorageHelpChannel(options.storage),
    messenger: new TeamsAlertMessenger(options.continueConversation ?? noProactiveMessages),
    claims,
    log: (alert, delivery) => logger.warn({ alert: { ...alert, delivery } }, `helpdesk alert: ${alert.kind}`),
    onDeliveryError: (error) => logger.error({ err: error }, 'an alert card could not be posted; the alert is in this log'),
    ...(options.now ? { now: options.now } : {}),
  });
  const tenantWrites = new GraphTenantWrites(graph, restrictedSenders);
  // "Confirmed by the user in Teams": the question goes to the user's (or manager's) 1:1 chat with Unlock,
  // in the language that person chose for Unlock when they did.
  const languages = new StorageLanguagePreferences(options.storage);
  const confirmations = new TeamsConfirmations({
    languages,
    store: new StorageTeamsConfirmations(options.storage),
    reach: new GraphTeamsReach(graph, tenant.graphEndpoint, options.teamsAppCatalogId),
    messenger: new TeamsConfirmationMessenger(options.continueConversation ?? noProactiveMessages),
    audit,
    alert: (alert) => alerts.raise(alert),
    onDeliveryError: (error, what) => logger.error({ err: error, what }, 'a confirmation in Teams could not be delivered'),
    ...(options.now ? { now: options.now } : {}),
  });
  const steps = new StepRunner({
    diagnosis: diagnosisOptions,
    directory,
    operators,
    offers,
    claims,
    audit,
    onAfterWriteError: (error) => logger.error({ err: error }, 'follow-up after a write failed; the write stands'),
    limits: new WriteLimits(options.ledger ?? new StorageWriteLedger(options.storage), options.writeLimits ?? {}),
    alert: (alert) => alerts.raise(alert),
    teamsConfirmations: confirmations,
    // App-only: one set of writes for every operator. A delegated mode builds one per actor here.
    tenantFor: () => tenantWrites,
    generatePassword: options.generatePassword ?? generateTemporaryPassword,
    cardMaxAgeMinutes: options.cardMaxAgeMinutes ?? DEFAULT_CARD_MAX_AGE_MINUTES,
    ...(options.now ? { now: options.now } : {}),
  });
  return {
    accounts,
    steps,
    alerts,
    confirmations,
    languages,
    operators,
    members: new GraphHelpdeskMembers(graph, tenant.helpdeskGroupId),
    // An end user's own account: read by the object id Teams vouched for, nothing else.
    ownAccount: new OwnAccount({ directory, operators, diagnosis: diagnosisOptions }),
  };
}
