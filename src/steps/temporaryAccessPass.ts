/**
 * Temporary Access Pass: a time-limited pass with which a user who lost their phone or authenticator
 * signs in and registers a new method. The operator chooses how long it is valid and whether it works
 * once, within the tenant's policy; a user outside the policy, or a policy that is off, is told before
 * any write. Shown once, only to the operator who asked, in their 1:1 chat; a new pass replaces the old.
 * https://learn.microsoft.com/en-us/entra/identity/authentication/howto-authentication-temporary-access-pass
 * https://learn.microsoft.com/en-us/graph/api/authentication-post-temporaryaccesspassmethods
 */
import { Secret } from '../domain/secret';
import { text, type Text } from '../i18n/text';
import { userPath, type StepAnswers, type StepChoices, type StepQuestion, type StepRun, type TenantWrites, type WriteStep } from './step';

const POLICY_PATH = '/policies/authenticationMethodsPolicy/authenticationMethodConfigurations/TemporaryAccessPass';

/** Graph's own bounds on a pass's lifetime, whatever the policy says. */
const GRAPH_MIN_MINUTES = 10;
const GRAPH_MAX_MINUTES = 43_200;

interface TemporaryAccessPassPolicy {
  readonly enabled: boolean;
  readonly minMinutes: number;
  readonly maxMinutes: number;
  readonly defaultMinutes: number;
  readonly onceOnly: boolean;
  /** Group ids the policy includes; `undefined` when it includes all users. */
  readonly includeGroups?: readonly string[];
  readonly excludeGroups: readonly string[];
}

export const temporaryAccessPass = {
  id: 'temporaryAccessPass',
  kind: 'write',
  purpose: 'restore',
  verification: 'always',
  onDemand: true,
  title: 'step.temporaryAccessPass.title',
  confirm: 'step.temporaryAccessPass.confirm',
  permission: 'UserAuthenticationMethod.ReadWrite.All and Policy.Read.All (to read the pass policy)',
  // Hands over access like a reset, so the same figures.
  limits: { name: 'TEMPORARY_ACCESS_PASS', perOperator: { max: 5, windowMinutes: 15 }, perTarget: { max: 2, windowMinutes: 60 } },
  askUser: 'teamsConfirm.ask.temporaryAccessPass',
  cloudOnly: false,
  showsSecret: true,
  secret: {
    heading: 'card.tap.heading',
    instructions: 'card.tap.instructions',
    hiddenHeading: 'card.tap.hiddenHeading',
    hidden: 'card.tap.hidden',
    done: 'result.donePass',
  },
  // For a user whose second sign-in step fails or cannot be set up (a lost or new phone), unless a
  // pass was issued already: a second would replace the one just handed out.
  offers: (findings) =>
    findings.some(
      (finding) =>
        finding.kind === 'failedSignIns' &&
        finding.causes.some((cause) => cause.category === 'mfaFailed' || cause.category === 'mfaRegistrationRequired'),
    ) && !findings.some((finding) => finding.kind === 'signInMethods' && finding.temporaryAccessPassSince !== undefined)
      ? [{}]
      : [],
  ask: async (run) => {
    const policy = await readPolicy(run);
    return policy.kind === 'ok' ? { kind: 'ask', choices: choicesOf(policy.policy) } : policy.question;
  },
  execute: async (run) => {
    const policy = await readPolicy(run);
    if (policy.kind !== 'ok') return policy.question;
    const request = requestFor(policy.policy, run.answers ?? {});
    if ('kind' in request) return request;
    const answer = await run.tenant.graph('POST', `${userPath(run.target.id)}/authentication/temporaryAccessPassMethods`, request);
    if (answer.kind !== 'done') return answer;
    const created = (answer.body ?? {}) as { temporaryAccessPass?: unknown; startDateTime?: unknown; lifetimeInMinutes?: unknown; isUsableOnce?: unknown };
    if (typeof created.temporaryAccessPass !== 'string' || created.temporaryAccessPass === '') {
      // Made, but the answer lost the pass: say so rather than show nothing; a new pass replaces it.
      return { kind: 'failed', cause: 'noAnswer', ...(answer.requestId ? { requestId: answer.requestId } : {}) };
    }
    return {
      kind: 'secret',
      secret: new Secret(created.temporaryAccessPass),
      details: validity(created.startDateTime, created.lifetimeInMinutes, created.isUsableOnce, request),
      ...(answer.requestId ? { requestId: answer.requestId } : {}),
    };
  },
} as const satisfies WriteStep<'temporaryAccessPass'>;

type PolicyRead = { readonly kind: 'ok'; readonly policy: TemporaryAccessPassPolicy } | { readonly kind: 'refused'; readonly question: Exclude<StepQuestion, { kind: 'ask' }> };

/** The policy, and whether it covers this user (group targets checked with `checkMemberGroups`). */
async function readPolicy(run: Omit<StepRun, 'answers'>): Promise<PolicyRead> {
  const read = await run.tenant.graph('GET', POLICY_PATH);
  if (read.kind !== 'done') return { kind: 'refused', question: read };
  const policy = policyFrom(read.body);
  const user = run.target.displayName;
  if (!policy.enabled) return cannot(text('step.temporaryAccessPass.policyOff'));
  const groups = [...(policy.includeGroups ?? []), ...policy.excludeGroups];
  const memberOf = groups.length > 0 ? await memberGroups(run.tenant, run.target.id, groups) : new Set<string>();
  if (memberOf === undefined) return { kind: 'refused', question: { kind: 'failed', cause: 'outage' } };
  const included = policy.includeGroups === undefined || policy.includeGroups.some((group) => memberOf.has(group));
  const excluded = policy.excludeGroups.some((group) => memberOf.has(group));
  if (!included || excluded) return cannot(text('step.temporaryAccessPass.userExcluded', { user }));
  return { kind: 'ok', policy };
}

function cannot(reason: Text): PolicyRead {
  return { kind: 'refused', question: { kind: 'cannot', reason, details: [] } };
}

/** `checkMemberGroups` takes at most 20 ids; a policy names few groups. Undefined when it could not be read. */
async function memberGroups(tenant: TenantWrites, userId: string, groupIds: readonly string[]): Promise<Set<string> | undefined> {
  const answer = await tenant.graph('POST', `${userPath(userId)}/checkMemberGroups`, { groupIds: groupIds.slice(0, 20) });
  if (answer.kind !== 'done') return undefined;
  const value = (answer.body as { value?: unknown } | undefined)?.value;
  return new Set(Array.isArray(value) ? value.filter((id): id is string => typeof id === 'string') : []);
}

/** https://learn.microsoft.com/en-us/graph/api/resources/temporaryaccesspassauthenticationmethodconfiguration */
function policyFrom(body: unknown): TemporaryAccessPassPolicy {
  const json = (body ?? {}) as Record<string, unknown>;
  const minutes = (key: string, fallback: number): number => (typeof json[key] === 'number' ? (json[key] as number) : fallback);
  const targets = (key: string): { targetType?: unknown; id?: unknown }[] => (Array.isArray(json[key]) ? (json[key] as { targetType?: unknown; id?: unknown }[]) : []);
  const include = targets('includeTargets');
  const allUsers = include.some((target) => target.id === 'all_users');
  const groupIds = (list: { targetType?: unknown; id?: unknown }[]): string[] =>
    list.filter((target) => target.targetType === 'group' && typeof target.id === 'string' && target.id !== 'all_users').map((target) => target.id as string);
  const minMinutes = Math.max(minutes('minimumLifetimeInMinutes', 60), GRAPH_MIN_MINUTES);
  const maxMinutes = Math.min(minutes('maximumLifetimeInMinutes', 480), GRAPH_MAX_MINUTES);
  return {
    enabled: json.state === 'enabled',
    minMinutes,
    maxMinutes,
    defaultMinutes: Math.min(Math.max(minutes('defaultLifetimeInMinutes', minMinutes), minMinutes), maxMinutes),
    onceOnly: json.isUsableOnce === true,
    ...(allUsers ? {} : { includeGroups: groupIds(include) }),
    excludeGroups: groupIds(targets('excludeTargets')),
  };
}

function choicesOf(policy: TemporaryAccessPassPolicy): StepChoices {
  return {
    lifetimeMinutes: { min: policy.minMinutes, max: policy.maxMinutes, default: policy.defaultMinutes },
    usableOnce: { default: true, required: policy.onceOnly },
  };
}

/** The request body for the operator's answers, checked again against the policy as it is now. */
function requestFor(policy: TemporaryAccessPassPolicy, answers: StepAnswers): { lifetimeInMinutes: number; isUsableOnce: boolean } | Exclude<StepQuestion, { kind: 'ask' }> {
  const lifetimeInMinutes = answers.lifetimeMinutes ?? policy.defaultMinutes;
  if (lifetimeInMinutes < policy.minMinutes || lifetimeInMinutes > policy.maxMinutes) {
    return {
      kind: 'cannot',
      reason: text('step.temporaryAccessPass.lifetimeOutside', { minutes: lifetimeInMinutes, min: policy.minMinutes, max: policy.maxMinutes }),
      details: [],
    };
  }
  const isUsableOnce = answers.usableOnce ?? true;
  if (policy.onceOnly && !isUsableOnce) {
    return { kind: 'cannot', reason: text('step.temporaryAccessPass.onceRequired'), details: [] };
  }
  return { lifetimeInMinutes, isUsableOnce };
}

function validity(start: unknown, lifetime: unknown, once: unknown, asked: { lifetimeInMinutes: number; isUsableOnce: boolean }): Text[] {
  const startMs = typeof start === 'string' && !Number.isNaN(Date.parse(start)) ? Date.parse(start) : Date.now();
  const minutes = typeof lifetime === 'number' ? lifetime : asked.lifetimeInMinutes;
  const usableOnce = typeof once === 'boolean' ? once : asked.isUsableOnce;
  return [
    text('card.tap.validity', { start: new Date(startMs).toISOString(), end: new Date(startMs + minutes * 60_000).toISOString() }),
    text(usableOnce ? 'card.tap.once' : 'card.tap.reusable'),
  ];
}
