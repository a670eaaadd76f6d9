/** Reading Graph answers: $batch items, Retry-After, and failures as domain causes. */
import { longestRetryAfter, parseBatchResponses, retryableItems } from '../../src/adapters/graph/batch';
import { parseRetryAfter } from '../../src/adapters/graph/retryAfter';
import { causeOf, unavailable } from '../../src/adapters/graph/unavailable';
import { chooseCredential, CredentialConfigurationError, isLoopbackUrl } from '../../src/adapters/graph/credentials';

describe('$batch answers', () => {
  it('reads each item by id, whatever the case of its header keys', () => {
    const answers = parseBatchResponses(
      {
        responses: [
          { id: 'a', status: 200, headers: { 'Content-Type': 'application/json' }, body: { ok: 1 } },
          { id: 'b', status: 429, headers: { 'retry-after': '7' }, body: { error: { code: 'TooManyRequests' } } },
          { id: 'c', status: 'bad' },
        ],
      },
      'envelope-id',
    );
    expect(answers.get('a')).toEqual({ status: 200, body: { ok: 1 }, requestId: 'envelope-id', retryAfterSeconds: undefined });
    expect(answers.get('b')?.retryAfterSeconds).toBe(7);
    expect(answers.has('c')).toBe(false);
    const items = [{ id: 'a', url: '/a' }, { id: 'b', url: '/b' }];
    expect(retryableItems(items, answers)).toEqual([{ id: 'b', url: '/b' }]);
    expect(longestRetryAfter(retryableItems(items, answers), answers)).toBe(7);
  });

  it('takes an envelope without responses as no answers', () => {
    expect(parseBatchResponses('<html>').size).toBe(0);
  });
});

describe('Retry-After', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('3')).toBe(3);
    expect(parseRetryAfter('Wed, 25 Nov 2026 10:00:10 GMT', Date.parse('Wed, 25 Nov 2026 10:00:00 GMT'))).toBe(10);
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter(null)).toBeUndefined();
  });
});

describe('failures as causes', () => {
  it.each([
    [403, 'Authentication_RequestFromNonPremiumTenantOrB2CTenant', 'licence'],
    [403, 'Authorization_RequestDenied', 'permission'],
    [400, 'AadPremiumLicenseRequired', 'licence'],
    [400, 'BadRequest', 'outage'],
    [401, 'InvalidAuthenticationToken', 'permission'],
    [404, 'Request_ResourceNotFound', 'notFound'],
    [429, 'TooManyRequests', 'throttled'],
    [503, 'ServiceNotAvailable', 'outage'],
    [0, undefined, 'outage'],
  ])('%i %s is %s', (status, code, cause) => {
    expect(causeOf({ status, body: code ? { error: { code } } : undefined })).toBe(cause);
  });

  it('names what is needed: the licence for a licence failure, the permission otherwise', () => {
    const requirements = { permission: 'AuditLog.Read.All', licence: 'Microsoft Entra ID P1 or P2' };
    const licence = { status: 403, body: { error: { code: 'Authentication_RequestFromNonPremiumTenantOrB2CTenant' } }, requestId: 'r1' };
    expect(unavailable(licence, requirements)).toEqual({ kind: 'unavailable', cause: 'licence', needs: 'Microsoft Entra ID P1 or P2', requestId: 'r1' });
    expect(unavailable({ status: 403, body: {} }, requirements)).toEqual({ kind: 'unavailable', cause: 'permission', needs: 'AuditLog.Read.All' });
  });
});

describe('credentials', () => {
  it('knows loopback addresses', () => {
    expect(isLoopbackUrl('http://127.0.0.1:5300')).toBe(true);
    expect(isLoopbackUrl('http://localhost')).toBe(true);
    expect(isLoopbackUrl('http://[::1]:80')).toBe(true);
    expect(isLoopbackUrl('https://graph.microsoft.com')).toBe(false);
    expect(isLoopbackUrl('http://127.0.0.1.example.com')).toBe(false);
  });

  it('refuses a remote endpoint without a credential instead of falling back', () => {
    expect(() => chooseCredential({}, ['https://graph.microsoft.com'])).toThrow(CredentialConfigurationError);
    expect(chooseCredential({}, ['http://127.0.0.1:1']).kind).toBe('development');
    expect(chooseCredential({ IDENTITY_ENDPOINT: 'http://169.254.169.254' }, ['https://graph.microsoft.com']).kind).toBe('managedIdentity');
  });
});
