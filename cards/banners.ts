/**
 * The words for what happened to a click: a refusal or a failure as a banner on the card the
 * operator clicked, and a refusal reason as one line of the history. One place for each, so the
 * card and the history never disagree.
 */
import type { MessageKey } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import type { Refusal } from '../src/operations/policy';
import type { WriteFailureCause } from '../src/domain/outcome';
import { stepLabel } from '../src/steps/registry';
import type { Banner } from './index';

const REFUSAL_TEXT: Readonly<Record<Exclude<Refusal['kind'], 'cannotRun' | 'protectedTarget' | 'secureFirst' | 'limitReached' | 'deniedInTeams'>, MessageKey>> = {
  notOperator: 'result.notOperator',
  notPersonalChat: 'result.passwordOnlyInPersonalChat',
  notOffered: 'result.notOffered',
  notVerified: 'result.notVerified',
  confirmationUsed: 'result.confirmationUsed',
  otherConversation: 'result.otherConversation',
  staleCard: 'result.staleCard',
  alreadyClaimed: 'result.alreadyClaimed',
  privilegedTarget: 'result.privilegedTarget',
  rolesUnknown: 'result.rolesUnknown',
  notNeeded: 'result.notNeeded',
  userNotFound: 'result.userNotFound',
  unavailable: 'result.unavailable',
  notConfirmedInTeams: 'result.notConfirmedInTeams',
};

/** Refusal reasons as the audit trail records them (`Refusal['kind']`), in a few words. */
const REFUSAL_REASON: Readonly<Record<Refusal['kind'], MessageKey>> = {
  notOperator: 'history.reason.notOperator',
  notPersonalChat: 'history.reason.notPersonalChat',
  notOffered: 'history.reason.notOffered',
  notVerified: 'history.reason.notVerified',
  confirmationUsed: 'history.reason.confirmationUsed',
  secureFirst: 'history.reason.secureFirst',
  otherConversation: 'history.reason.otherConversation',
  staleCard: 'history.reason.staleCard',
  alreadyClaimed: 'history.reason.alreadyClaimed',
  privilegedTarget: 'history.reason.privilegedTarget',
  rolesUnknown: 'history.reason.rolesUnknown',
  notNeeded: 'history.reason.notNeeded',
  userNotFound: 'history.reason.userNotFound',
  unavailable: 'history.reason.unavailable',
  cannotRun: 'history.reason.cannotRun',
  protectedTarget: 'history.reason.protectedTarget',
  limitReached: 'history.reason.limitReached',
  notConfirmedInTeams: 'history.reason.notConfirmedInTeams',
  deniedInTeams: 'history.reason.deniedInTeams',
};

/** A recorded refusal reason in words; an unknown one (an older record) as it was recorded. */
export function refusalReason(reason: string): Text | string {
  return reason in REFUSAL_REASON ? text(REFUSAL_REASON[reason as Refusal['kind']]) : reason;
}

/** A step's name by its id, as a parameter (see `stepLabel`). */
export function stepName(stepId: string): Text | string {
  return stepLabel({ id: stepId });
}

/**
 * A refusal, for the person who clicked (`viewer`, their `aadObjectId`) on the step they asked for.
 * Says which step was taken, by whom ("you" when it was the viewer) and when.
 */
export function refusalBanner(refusal: Refusal, viewer: string | undefined, stepId?: string): Banner {
  const action = stepId ? stepName(stepId) : '';
  const details: Text[] = [];
  if (refusal.kind === 'notNeeded' && refusal.doneBy) {
    details.push(
      refusal.doneBy.by !== undefined && refusal.doneBy.by === viewer
        ? text('result.doneByYou', { time: refusal.doneBy.at })
        : text('result.doneBy', { name: refusal.doneBy.name, time: refusal.doneBy.at }),
    );
  }
  if (refusal.kind === 'cannotRun') {
    details.push(...refusal.details);
  }
  if (refusal.kind === 'unavailable') {
    details.push(text(`cause.${refusal.cause}`));
    if (refusal.requestId) {
      details.push(text('result.requestId', { requestId: refusal.requestId }));
    }
  }
  return { tone: refusal.kind === 'notNeeded' ? 'good' : 'attention', text: refusalText(refusal, viewer, stepId, action), details };
}

function refusalText(refusal: Refusal, viewer: string | undefined, stepId: string | undefined, action: Text | string): Text {
  switch (refusal.kind) {
    case 'privilegedTarget':
      return text('result.privilegedTarget', { roles: refusal.roles.join(', ') });
    case 'staleCard':
      return text('result.staleCard', { count: refusal.ageMinutes });
    case 'notNeeded':
      return text('result.notNeeded', { action });
    case 'cannotRun':
      return refusal.reason;
    case 'secureFirst':
      return refusal.open.length > 1
        ? text('result.secureFirstTwo', { action, first: stepName(refusal.open[0]?.id ?? ''), second: stepName(refusal.open[1]?.id ?? '') })
        : text('result.secureFirst', { action, first: stepName(refusal.open[0]?.id ?? '') });
    case 'protectedTarget':
      return text(refusal.reason === 'operator' ? 'result.protectedTarget.operator' : 'result.protectedTarget.group');
    case 'limitReached':
      return text(refusal.scope === 'operator' ? 'result.limitReached.operator' : 'result.limitReached.target', {
        action,
        max: refusal.max,
        window: windowText(refusal.windowMinutes),
        time: refusal.freesAt,
      });
    case 'deniedInTeams':
      return text('result.deniedInTeams', { name: refusal.by.name, time: refusal.by.at });
    case 'alreadyClaimed': {
      const { by, name, at, step } = refusal.by;
      const you = by !== undefined && by === viewer;
      if (step === undefined || step === stepId) {
        return you
          ? text('result.alreadyClaimedByYou', { action, time: at, until: refusal.until })
          : text('result.alreadyClaimed', { action, name, time: at, until: refusal.until });
      }
      const done = stepName(step);
      return you
        ? text('result.alreadyClaimedOtherByYou', { action, done, time: at })
        : text('result.alreadyClaimedOther', { action, done, name, time: at });
    }
    default:
      return text(REFUSAL_TEXT[refusal.kind]);
  }
}

/** A limit's window in words: "15 minutes", "1 hour", "24 hours". */
export function windowText(minutes: number): Text {
  return minutes % 60 === 0 ? text('card.lifetime.hours', { count: minutes / 60 }) : text('card.lifetime.minutes', { count: minutes });
}

export interface Failure {
  readonly cause: WriteFailureCause;
  readonly code?: string;
  readonly requestId?: string;
}

/** `advice`: what the step says the operator can do instead (another portal, another way). */
export function failureBanner(stepId: string, failure: Failure, advice?: Text): Banner {
  const reason: MessageKey =
    failure.cause === 'noAnswer'
      ? 'result.failed.unknown'
      : failure.cause === 'rejected'
        ? 'result.failed.rejected'
        : failure.cause === 'permission'
          ? 'result.failed.permission'
          : 'result.failed.other';
  const details: Text[] = [text(reason, { code: failure.code ?? failure.cause })];
  if (failure.cause === 'throttled' || failure.cause === 'outage') {
    details.push(text(`cause.${failure.cause}`));
  }
  if (advice) {
    details.push(advice);
  }
  if (failure.requestId) {
    details.push(text('result.requestId', { requestId: failure.requestId }));
  }
  return { tone: 'attention', text: text('result.failed', { action: stepName(stepId) }), details };
}
