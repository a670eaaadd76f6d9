/**
 * The Bot Framework side of the HTTP edge: CloudAdapter validates the Bot Framework JWT on every
 * POST (anonymous only in local mode, which config.ts restricts to loopback), drops activities from
 * tenants outside the allow-list before any Graph call, and turns an unhandled error into a short
 * reference the user can quote and we can find in the logs.
 */
import { randomBytes } from 'node:crypto';
import {
  ActivityTypes,
  Channels,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type ConversationReference,
  type InvokeResponse,
  type Middleware,
  TurnContext,
} from 'botbuilder';
import type { PersonalChatAddress } from '../teams/channelCards';
import type { BotIdentity } from './config';
import type { Logger } from '../adapters/logging';
import { RefusalLog } from './refusalLog';
import { localeFrom, translate } from '../i18n/catalogue';

export interface AdapterOptions {
  readonly bot?: BotIdentity;
  readonly allowedTenants: readonly string[];
  readonly logger: Logger;
  /** Tests point token validation at a local OpenID configuration; production leaves this empty. */
  readonly authenticationOverrides?: ConfigurationBotFrameworkAuthenticationOptions;
}

/**
 * CloudAdapter with the HTTP handling left to our server: `serve` runs the token check and the turn
 * through the adapter's own `processActivity` (its extension point for hosts), so an authentication
 * failure reaches our structured log instead of the adapter's `console.error`.
 */
/** botframework-connector's `ClaimsIdentity`, as CloudAdapter makes it (botbuilder does not re-export the type). */
type ClaimsIdentity = ReturnType<CloudAdapter['createClaimsIdentity']>;

export class UnlockAdapter extends CloudAdapter {
  /**
   * The identity of this bot's own proactive turns (`continueProactively`). Those turns run through the
   * middleware too but carry no inbound token; `TeamsOnly` knows them by this very object, which
   * nothing arriving over HTTP can be.
   */
  readonly proactiveIdentity: ClaimsIdentity;

  /** Identities this process made for turns it started itself (a created conversation's first turn). */
  private readonly ownIdentities = new WeakSet<object>();

  constructor(
    authentication: ConfigurationBotFrameworkAuthentication,
    private readonly botAppId = '',
  ) {
    super(authentication);
    this.proactiveIdentity = this.createClaimsIdentity(botAppId);
  }

  /** Whether a turn's identity is one this adapter made for its own proactive turns, not one received. */
  isOwnIdentity(identity: unknown): boolean {
    return identity === this.proactiveIdentity || (typeof identity === 'object' && identity !== null && this.ownIdentities.has(identity));
  }

  /**
   * CloudAdapter makes an identity for each turn it starts itself (`continueConversationAsync`,
   * `createConversationAsync`); inbound turns get theirs from the token check instead. Remembered so
   * `TeamsOnly` lets the bot's own turns through and nothing arriving over HTTP.
   */
  protected override createClaimsIdentity(botAppId = ''): ClaimsIdentity {
    const identity = super.createClaimsIdentity(botAppId);
    this.ownIdentities?.add(identity);
    return identity;
  }

  /**
   * The 1:1 chat between the bot and a person: Teams creates it, or answers the one that exists, from
   * the person (their Teams user id when the activity gave one, with their Microsoft Entra object id;
   * Teams accepts either as the member's id) and the tenant; it refuses when the app is not installed
   * for them. Answers the chat's conversation reference, for `continueProactively`.
   * https://learn.microsoft.com/en-us/microsoftteams/platform/bots/how-to/conversations/send-proactive-messages
   */
  async openPersonalChat(address: PersonalChatAddress): Promise<Partial<ConversationReference>> {
    let reference: Partial<ConversationReference> | undefined;
    await this.createConversationAsync(
      this.botAppId,
      Channels.Msteams,
      address.serviceUrl,
      // No audience of our own: the connector factory then uses its cloud's scope for the channel,
      // as for every other outbound call (an empty string would be taken as the scope itself).
      undefined as unknown as string,
      {
        isGroup: false,
        bot: { id: address.bot.id, name: address.bot.name ?? '' },
        members: [{ id: address.userId ?? address.aadObjectId, name: '', aadObjectId: address.aadObjectId }],
        tenantId: address.tenantId,
        channelData: { tenant: { id: address.tenantId } },
      } as Parameters<CloudAdapter['createConversationAsync']>[4],
      async (context) => {
        reference = TurnContext.getConversationReference(context.activity);
      },
    );
    if (!reference?.conversation?.id) throw new Error('Teams created no 1:1 chat.');
    return { ...reference, conversation: { ...reference.conversation, conversationType: 'personal', tenantId: address.tenantId } };
  }

  /** Runs `logic` in a conversation the bot was in before (a stored conversation reference). */
  continueProactively(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    return this.continueConversationAsync(this.proactiveIdentity, reference, logic);
  }

  serve(authorization: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity, logic);
  }
}

export function createAdapter(options: AdapterOptions): UnlockAdapter {
  const identity: ConfigurationBotFrameworkAuthenticationOptions = options.bot
    ? {
        MicrosoftAppId: options.bot.appId,
        MicrosoftAppPassword: options.bot.appPassword,
        MicrosoftAppTenantId: options.bot.appTenantId,
        MicrosoftAppType: options.bot.appType,
      }
    : {};
  const adapter = new UnlockAdapter(
    new ConfigurationBotFrameworkAuthentication({ ...identity, ...options.authenticationOverrides }),
    options.bot?.appId,
  );
  adapter.use(new TeamsOnly(options.bot !== undefined, new RefusalLog(options.logger), (identity) => adapter.isOwnIdentity(identity)));
  adapter.use(new TenantAllowList(options.allowedTenants, options.logger));
  adapter.onTurnError = async (context, error) => {
    const reference = randomBytes(4).toString('hex');
    options.logger.error(
      { err: error, reference, activityType: context.activity.type, conversationId: context.activity.conversation?.id },
      'unhandled error in a turn',
    );
    const message = translate(localeFrom(context.activity.locale), 'error.unexpected', { reference });
    // An answer already set (a card with a temporary password, say) is the truth: keep it.
    if (context.activity.type === ActivityTypes.Invoke && context.turnState.get(INVOKE_RESPONSE_KEY)) {
      return;
    }
    if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({
        type: ActivityTypes.InvokeResponse,
        value: { status: 200, body: { statusCode: 500, type: 'application/vnd.microsoft.error', value: { code: 'InternalError', message } } },
      });
      return;
    }
    await context.sendActivity(message);
  };
  return adapter;
}

/** The tenant an activity comes from, as Teams sends it. */
export function tenantOf(context: TurnContext): string | undefined {
  const channelData = context.activity.channelData as { tenant?: { id?: unknown } } | undefined;
  const fromChannelData = typeof channelData?.tenant?.id === 'string' ? channelData.tenant.id : undefined;
  return context.activity.conversation?.tenantId ?? fromChannelData;
}

/** Issuer of the tokens the Bot Framework channels (Teams among them) send; the emulator's and skills' differ. */
const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';

/**
 * Only Teams is served: an activity from another channel (webchat, directline, the emulator) or
 * without `conversation.tenantId` is ignored, and with a bot identity, a token that is not a
 * channel's (an emulator or skill token) is refused. The identity comes from the adapter's token
 * check, under its documented `BotIdentityKey`.
 * https://learn.microsoft.com/en-us/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
export class TeamsOnly implements Middleware {
  constructor(
    private readonly authenticated: boolean,
    private readonly refusals: RefusalLog,
    /** The adapter's own proactive turns: started by this process, not received. */
    private readonly isOwnTurn: (identity: unknown) => boolean = () => false,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const { activity } = context;
    const identity = context.turnState.get(context.adapter.BotIdentityKey) as { getClaimValue?: (type: string) => string | null } | undefined;
    if (identity !== undefined && this.isOwnTurn(identity)) {
      await next();
      return;
    }
    const issuer = identity?.getClaimValue?.('iss') ?? null;
    const reason =
      activity.channelId !== 'msteams'
        ? 'not a Teams activity'
        : !activity.conversation?.tenantId
          ? 'no conversation.tenantId'
          : this.authenticated && issuer !== CHANNEL_TOKEN_ISSUER
            ? 'not a Teams channel token'
            : undefined;
    if (!reason) {
      await next();
      return;
    }
    this.refusals.refused(activity.serviceUrl ?? 'unknown', reason, { channelId: activity.channelId, activityType: activity.type, issuer });
    if (activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    }
  }
}

class TenantAllowList implements Middleware {
  private readonly allowed: ReadonlySet<string>;

  constructor(
    allowedTenants: readonly string[],
    private readonly logger: Logger,
  ) {
    this.allowed = new Set(allowedTenants.map((id) => id.toLowerCase()));
  }

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const tenant = tenantOf(context)?.toLowerCase();
    if (tenant && this.allowed.has(tenant)) {
      await next();
      return;
    }
    this.logger.warn(
      { tenant: tenant ?? null, activityType: context.activity.type, channelId: context.activity.channelId },
      'activity from a tenant outside ALLOWED_TENANTS ignored',
    );
    if (context.activity.type === ActivityTypes.Invoke) {
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 403 } });
    }
  }
}
