/** Translating a failed Graph or Exchange answer into the domain's "could not check" outcome. */
import type { Unavailable, UnavailableCause } from '../directory/accountState';
import type { GraphResponse } from './batch';

export type { CheckRequirements } from '../directory/checkRequirements';
import type { CheckRequirements } from '../directory/checkRequirements';

/**
 * Graph answers 403 with this code when the tenant lacks Entra ID P1/P2 for sign-in logs,
 * `signInActivity` and registration details.
 * https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/users-groups-entra-apis/b2c-or-tenant-premium-license-sign-in-activities
 */
const LICENCE_ERROR_CODES = new Set(['Authentication_RequestFromNonPremiumTenantOrB2CTenant']);

export function graphErrorCode(response: GraphResponse): string | undefined {
  const code = (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

export function causeOf(response: GraphResponse): UnavailableCause {
  switch (response.status) {
    case 401:
    case 403:
      return LICENCE_ERROR_CODES.has(graphErrorCode(response) ?? '') ? 'licence' : 'permission';
    case 404:
      return 'notFound';
    case 429:
      return 'throttled';
    default:
      return 'outage';
  }
}

export function unavailable(response: GraphResponse, requirements?: CheckRequirements): Unavailable {
  const cause = causeOf(response);
  const needs =
    cause === 'licence' ? requirements?.licence : cause === 'permission' ? requirements?.permission : undefined;
  return {
    kind: 'unavailable',
    cause,
    ...(needs ? { needs } : {}),
    ...(response.requestId ? { requestId: response.requestId } : {}),
  };
}

export function isSuccess(response: GraphResponse): boolean {
  return response.status >= 200 && response.status < 300;
}
