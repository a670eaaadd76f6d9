/**
 * Fault injection: rules that make matching requests fail (and optionally wait) the way Graph and
 * Exchange Online fail in production: missing permission or licence (403; 400 for Privileged Identity
 * Management without its licence, code `AadPremiumLicenseRequired`), throttling (429 with
 * `Retry-After`), outages (500, 503). Rules match a plain request and each `$batch` item alike.
 */
import { failure, type Failure } from './wire';

export interface FaultRule {
  /** Matches any method when omitted; compared case-insensitively. */
  method?: string;
  /** A string matches as a substring of the decoded path and query, e.g. `/auditLogs/signIns` or `/InvokeCommand`. */
  path: string | RegExp;
  status: 400 | 403 | 404 | 429 | 500 | 503;
  /** How many matching requests fail; every one when omitted. */
  times?: number;
  retryAfterSeconds?: number;
  /** OData error code, e.g. `Authentication_RequestFromNonPremiumTenantOrB2CTenant`. */
  code?: string;
  message?: string;
  /** Extra wait before the failure is answered. */
  latencyMs?: number;
}

const FAULT_STATUSES: readonly FaultRule['status'][] = [400, 403, 404, 429, 500, 503];

const DEFAULT_ERRORS: Readonly<Record<FaultRule['status'], { code: string; message: string }>> = {
  400: { code: 'BadRequest', message: 'The request is not valid.' },
  403: { code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' },
  404: { code: 'Request_ResourceNotFound', message: 'The requested resource does not exist.' },
  429: { code: 'TooManyRequests', message: 'Too many requests. Please try again later.' },
  500: { code: 'InternalServerError', message: 'An internal server error occurred while processing the request.' },
  503: { code: 'ServiceNotAvailable', message: 'The service is temporarily unavailable. Please try again later.' },
};

export class FaultInjector {
  private rules: { rule: FaultRule; remaining: number }[] = [];

  constructor(rules: readonly FaultRule[] = []) {
    rules.forEach((rule) => this.add(rule));
  }

  add(rule: FaultRule): void {
    const problem = describeInvalidRule(rule);
    if (problem !== undefined) throw new Error(`Invalid fault rule: ${problem}`);
    this.rules.push({ rule: { ...rule }, remaining: rule.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.rules = [];
  }

  /** The rules still active, with how many failures each has left. */
  list(): (FaultRule & { remaining: number | 'always' })[] {
    return this.rules.map(({ rule, remaining }) => ({
      ...rule,
      remaining: remaining === Number.POSITIVE_INFINITY ? 'always' : remaining,
    }));
  }

  /**
   * The first active rule matching the request, counting it as used. `target` is the decoded path
   * and query of a request, or the URL of a batch item.
   */
  take(method: string, target: string): FaultRule | undefined {
    const entry = this.rules.find(({ rule }) => matches(rule, method, target));
    if (entry === undefined) return undefined;
    entry.remaining -= 1;
    if (entry.remaining <= 0) this.rules = this.rules.filter((candidate) => candidate !== entry);
    return entry.rule;
  }
}

function matches(rule: FaultRule, method: string, target: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  if (typeof rule.path === 'string') return target.includes(rule.path);
  rule.path.lastIndex = 0; // a /g or /y pattern would otherwise carry state from the last test
  return rule.path.test(target);
}

/** The error a triggered rule answers with. */
export function faultFailure(rule: FaultRule): Failure {
  const defaults = DEFAULT_ERRORS[rule.status];
  const retryAfter =
    rule.retryAfterSeconds !== undefined && (rule.status === 429 || rule.status === 503)
      ? { 'Retry-After': String(rule.retryAfterSeconds) }
      : undefined;
  return failure(rule.status, rule.code ?? defaults.code, rule.message ?? defaults.message, retryAfter);
}

function describeInvalidRule(rule: FaultRule): string | undefined {
  if (!FAULT_STATUSES.includes(rule.status)) return `status must be one of ${FAULT_STATUSES.join(', ')}`;
  if (typeof rule.path === 'string' ? rule.path === '' : !(rule.path instanceof RegExp)) {
    return 'path must be a non-empty string or a RegExp';
  }
  if (rule.times !== undefined && (!Number.isInteger(rule.times) || rule.times < 1)) {
    return 'times must be a positive integer';
  }
  for (const name of ['retryAfterSeconds', 'latencyMs'] as const) {
    const value = rule[name];
    if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value) || value < 0)) {
      return `${name} must be a non-negative number`;
    }
  }
  return undefined;
}

/**
 * Reads a rule from JSON (the control endpoint, `SIMULATOR_FAULTS`), where `path` can only be a
 * string. Throws with a readable message when the JSON is not a rule.
 */
export function faultRuleFromJson(value: unknown): FaultRule {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('Invalid fault rule: expected a JSON object');
  }
  const json = value as Record<string, unknown>;
  const optional = <T>(name: string, type: 'string' | 'number'): T | undefined => {
    const field = json[name];
    if (field === undefined) return undefined;
    if (typeof field !== type) throw new Error(`Invalid fault rule: ${name} must be a ${type}`);
    return field as T;
  };
  if (typeof json['path'] !== 'string') throw new Error('Invalid fault rule: path must be a string');
  const rule: FaultRule = {
    path: json['path'],
    status: json['status'] as FaultRule['status'],
  };
  const method = optional<string>('method', 'string');
  const times = optional<number>('times', 'number');
  const retryAfterSeconds = optional<number>('retryAfterSeconds', 'number');
  const code = optional<string>('code', 'string');
  const message = optional<string>('message', 'string');
  const latencyMs = optional<number>('latencyMs', 'number');
  if (method !== undefined) rule.method = method;
  if (times !== undefined) rule.times = times;
  if (retryAfterSeconds !== undefined) rule.retryAfterSeconds = retryAfterSeconds;
  if (code !== undefined) rule.code = code;
  if (message !== undefined) rule.message = message;
  if (latencyMs !== undefined) rule.latencyMs = latencyMs;
  const problem = describeInvalidRule(rule);
  if (problem !== undefined) throw new Error(`Invalid fault rule: ${problem}`);
  return rule;
}
