/**
 * Alerts to the helpdesk: a limit on writes was reached, or someone asked in Teams answered No to a
 * change they did not ask for. Each goes to the alert channel an operator chose ("use this channel for
 * alerts"), else to the help-request channel, else only to the structured log; the log gets every
 * alert in any case, so a SIEM sees them whatever Teams does.
 */
import type { Actor } from '../domain/actor';
import type { PersonRef } from '../domain/helpRequest';
import type { AccountChecks } from './checkAccount';
import type { LimitReached, Refusal } from './policy';
import type { ActionClaims, AlertChannel, AlertChannelStore, ConversationAddress, HelpChannelStore } from './ports';

type NotAllowed = Extract<Refusal, { kind: 'notOperator' | 'unavailable' }>;

export interface AlertTarget {
  readonly id: string;
  readonly displayName: string;
  readonly userPrincipalName: string;
}

export type HelpdeskAlert =
  | {
      readonly kind: 'limitReached';
      readonly operator: PersonRef;
      readonly target: AlertTarget;
      readonly step: string;
      readonly limit: LimitReached;
      readonly at: string;
    }
  | {
      readonly kind: 'deniedInTeams';
      readonly operator: PersonRef;
      readonly target: AlertTarget;
      readonly step: string;
      /** Who answered No: the user, or the manager who was asked. */
      readonly answeredBy: PersonRef;
      readonly asked: 'user' | 'manager';
      readonly at: string;
    };

/** Where an alert went; `repeat`: only to the log, the channel had this one already in the limit's window. */
export type AlertDelivery = 'alertChannel' | 'helpChannel' | 'logOnly' | 'repeat';

/** The claims store keys an operator's limit alerts by the operator, as it keys a step by its target. */
export function alertClaimTarget(operatorId: string): string {
  return `alerts-${operatorId}`;
}

/** Posts an alert card to a channel: the Teams edge implements it (`src/teams/alerts.ts`). */
export interface AlertMessenger {
  postAlert(channel: AlertChannel, alert: HelpdeskAlert): Promise<void>;
}

export interface HelpdeskAlertsDependencies {
  readonly accounts: Pick<AccountChecks, 'refusalFor'>;
  readonly alertChannel: AlertChannelStore;
  readonly helpChannel: HelpChannelStore;
  readonly messenger: AlertMessenger;
  /**
   * Shared by every instance: one limit alert per operator, step and limit (and user, for a user's
   * limit) reaches the channel per limit window; without it, every alert is posted.
   */
  readonly claims?: Pick<ActionClaims, 'prepare' | 'claim'>;
  /** Every alert, as a structured log line, wherever else it goes. */
  readonly log: (alert: HelpdeskAlert, delivery: AlertDelivery) => void;
  readonly onDeliveryError?: (error: unknown) => void;
  readonly now?: () => Date;
}

export class HelpdeskAlerts {
  constructor(private readonly deps: HelpdeskAlertsDependencies) {}

  /** "use this channel for alerts": operators only, re-checked now. */
  async useChannel(actor: Actor | undefined, address: ConversationAddress, locale: string): Promise<NotAllowed | undefined> {
    const refusal = await this.deps.accounts.refusalFor(actor);
    if (refusal || !actor) return refusal ?? { kind: 'notOperator' };
    const now = (this.deps.now ?? (() => new Date()))();
    await this.deps.alertChannel.set({ address, setBy: { aadObjectId: actor.aadObjectId, name: actor.name ?? actor.aadObjectId }, setAt: now.toISOString(), locale });
    return undefined;
  }

  /**
   * Never throws: an alert that cannot be posted is still logged, and the refusal it is about stands.
   * An operator who keeps clicking past a limit is refused and audited every time, but the channel
   * hears of it once per limit window: a flood of cards would bury the next alert that matters.
   */
  async raise(alert: HelpdeskAlert): Promise<AlertDelivery> {
    if (await this.postedAlready(alert)) {
      this.deps.log(alert, 'repeat');
      return 'repeat';
    }
    let delivery: AlertDelivery = 'logOnly';
    try {
      const alertChannel = await this.deps.alertChannel.get();
      const channel = alertChannel ?? (await this.deps.helpChannel.get());
      if (channel) {
        await this.deps.messenger.postAlert(channel, alert);
        delivery = alertChannel ? 'alertChannel' : 'helpChannel';
      }
    } catch (error) {
      this.deps.onDeliveryError?.(error);
    }
    this.deps.log(alert, delivery);
    return delivery;
  }

  /**
   * Claims this alert's slot for the limit's window; taken already means the channel had it. When the
   * claims store cannot answer, the alert goes out: a second card beats a missed one.
   */
  private async postedAlready(alert: HelpdeskAlert): Promise<boolean> {
    const { claims } = this.deps;
    if (alert.kind !== 'limitReached' || !claims) return false;
    const target = alertClaimTarget(alert.operator.aadObjectId);
    const { limit } = alert;
    const key = `limit ${alert.step} ${limit.scope}${limit.scope === 'target' ? ` ${alert.target.id}` : ''}`;
    const now = (this.deps.now ?? (() => new Date()))();
    try {
      await claims.prepare(target);
      const claimed = await claims.claim(
        target,
        key,
        { by: alert.operator.aadObjectId, name: alert.operator.name, step: alert.step, holdMs: limit.windowMinutes * 60_000 },
        now,
      );
      return claimed.kind === 'taken';
    } catch (error) {
      this.deps.onDeliveryError?.(error);
      return false;
    }
  }
}
