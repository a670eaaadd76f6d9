/**
 * The Bot Framework side of the HTTP edge: CloudAdapter validates the Bot Framework JWT on every
 * POST (anonymous only in local mode, which config.ts restricts to loopback), drops activities from
 * tenants outside the allow-list before any Graph call, and turns an unhandled error into a short
 * reference the user can quote and we can find in the logs.
 */
import { randomBytes } from 'node:crypto';
import {
  ActivityTypes,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type Middleware,
  type TurnContext,
} from 'botbuilder';
import type { BotIdentity } from './config';
import type { Logger } from '../adapters/logging';
import { localeFrom, translate } from '../i18n/catalogue';

export interface AdapterOptions {
  readonly bot?: BotIdentity;
  readonly allowedTenants: readonly string[];
  readonly logger: Logger;
  /** Tests point token validation at a local OpenID configuration; production leaves this empty. */
  readonly authenticationOverrides?: ConfigurationBotFrameworkAuthenticationOptions;
}

export function createAdapter(options: AdapterOptions): CloudAdapter {
  const identity: ConfigurationBotFrameworkAuthenticationOptions = options.bot
    ? {
        MicrosoftAppId: options.bot.appId,
        MicrosoftAppPassword: options.bot.appPassword,
        MicrosoftAppTenantId: options.bot.appTenantId,
        MicrosoftAppType: options.bot.appType,
      }
    : {};
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({ ...identity, ...options.authenticationOverrides }),
  );
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
