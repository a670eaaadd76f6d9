/** Translating a failed Graph or Exchange answer into the domain's "could not check" outcome. */
import type { Unavailable, UnavailableCause } from '../../domain/account';
import type { GraphResponse } from './batch';

export type { CheckRequirements } from '../../domain/checkRequirements';
import type { CheckRequirements } from '../../domain/checkRequirements';

/**
 * Graph answers 403 with this code when the tenant lacks Entra ID P1/P2 for sign-in logs,
 * `signInActivity` and registration details.
 * https://learn.microsoft.com/en-us/troubleshoot/entra/entra-id/users-groups-entra-apis/b2c-or-tenant-premium-license-sign-in-activities
 */
const LICENCE_ERROR_CODES = new Set(['Authentication_RequestFromNonPremiumTenantOrB2CTenant']);

/**
 * Privileged Identity Management answers a tenant without Entra ID P2 (or ID Governance) with 400
 * `AadPremiumLicenseRequired`, "The tenant needs to have Microsoft Entra ID P2 or Microsoft Entra ID
 * Governance license." (a live answer: https://github.com/maester365/maester/issues/1421).
 */
const LICENCE_BAD_REQUEST_CODES = new Set(['AadPremiumLicenseRequired']);

export function graphErrorCode(response: GraphResponse): string | undefined {
  const code = (response.body as { error?: { code?: unknown } } | undefined)?.error?.code;
  return typeof code === 'string' ? code : undefined;
}

export function causeOf(response: GraphResponse): UnavailableCause {
  switch (response.status) {
    case 400:
      return LICENCE_BAD_REQUEST_CODES.has(graphErrorCode(response) ?? '') ? 'licence' : 'outage';
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
