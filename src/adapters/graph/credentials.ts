/**
 * The credential Unlock uses for Graph and Exchange Online. Production uses `@azure/identity` with the
 * standard `AZURE_*` variables; the simulated tenant (or any Graph-faithful server on loopback) gets a
 * development token. A non-loopback endpoint without a real credential is refused: no silent fallback.
 */
import {
  EnvironmentCredential,
  ManagedIdentityCredential,
  type AccessToken,
  type TokenCredential,
} from '@azure/identity';

export class DevelopmentTokenCredential implements TokenCredential {
  async getToken(): Promise<AccessToken> {
    return { token: 'unlock-development-token', expiresOnTimestamp: Date.now() + 3600_000 };
  }
}

export type CredentialKind = 'clientSecret' | 'clientCertificate' | 'managedIdentity' | 'development';

export interface CredentialChoice {
  readonly kind: CredentialKind;
  readonly credential: TokenCredential;
}

export class CredentialConfigurationError extends Error {}

export function isLoopbackUrl(url: string): boolean {
  const host = new URL(url).hostname;
  return host === 'localhost' || host === '[::1]' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * Picks the credential from the environment. EnvironmentCredential reads `AZURE_TENANT_ID`,
 * `AZURE_CLIENT_ID` and `AZURE_CLIENT_SECRET` or `AZURE_CLIENT_CERTIFICATE_PATH`; App Service and
 * Container Apps announce a managed identity through `IDENTITY_ENDPOINT` (older hosts: `MSI_ENDPOINT`).
 * https://learn.microsoft.com/en-us/javascript/api/@azure/identity/environmentcredential
 */
export function chooseCredential(
  env: Readonly<Record<string, string | undefined>>,
  endpoints: readonly string[],
): CredentialChoice {
  if (env.AZURE_CLIENT_SECRET) {
    return { kind: 'clientSecret', credential: new EnvironmentCredential() };
  }
  if (env.AZURE_CLIENT_CERTIFICATE_PATH) {
    return { kind: 'clientCertificate', credential: new EnvironmentCredential() };
  }
  if (env.IDENTITY_ENDPOINT || env.MSI_ENDPOINT) {
    const clientId = env.AZURE_CLIENT_ID;
    const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new ManagedIdentityCredential();
    return { kind: 'managedIdentity', credential };
  }
  const remote = endpoints.filter((endpoint) => !isLoopbackUrl(endpoint));
  if (remote.length > 0) {
    throw new CredentialConfigurationError(
      `No Azure credential is configured for ${remote.join(', ')}. Set AZURE_TENANT_ID, AZURE_CLIENT_ID and ` +
        'AZURE_CLIENT_SECRET (or AZURE_CLIENT_CERTIFICATE_PATH), or run with a managed identity.',
    );
  }
  return { kind: 'development', credential: new DevelopmentTokenCredential() };
}

/** The `.default` scope of a resource, e.g. `https://graph.microsoft.com/.default`. */
export function defaultScopeOf(endpoint: string): string {
  return `${new URL(endpoint).origin}/.default`;
}
