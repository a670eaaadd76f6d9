/**
 * Authentication methods for the seeded users: one builder per kind, with stable ids and
 * plausible devices, and the step that gives a user their methods and keeps the registration
 * report in step with them. Times come from the caller, relative to the seed's `now`.
 */
import { createHash } from 'node:crypto';
import { EMAIL_METHOD_ID, PHONE_METHOD_IDS } from './authenticationMethods';
import { guidFrom } from './ids';
import { methodsRegisteredOf } from './registrationDetails';
import type {
  SimulatedAuthenticationMethod,
  SimulatedAuthenticatorMethod,
  SimulatedEmailMethod,
  SimulatedFido2Method,
  SimulatedPhoneMethod,
  SimulatedSoftwareOathMethod,
  SimulatedTemporaryAccessPass,
  SimulatedUser,
} from './state';

/** The user with exactly these methods (besides the password) and this default; the report follows. */
export function withMethods(
  user: SimulatedUser,
  methods: readonly SimulatedAuthenticationMethod[],
  defaultMethodId: string | null,
): SimulatedUser {
  return {
    ...user,
    authentication: { methods: [...methods], defaultMethodId },
    registration: {
      ...user.registration,
      methodsRegistered: methodsRegisteredOf(methods),
      isPasswordlessCapable: methods.some((method) => method.kind === 'fido2'),
    },
  };
}

/** The user's methods and these too; the default stays. */
export function withMoreMethods(user: SimulatedUser, ...methods: SimulatedAuthenticationMethod[]): SimulatedUser {
  return withMethods(user, [...user.authentication.methods, ...methods], user.authentication.defaultMethodId);
}

export function phone(
  phoneNumber: string,
  phoneType: SimulatedPhoneMethod['phoneType'],
  createdDateTime: string,
): SimulatedPhoneMethod {
  // SMS sign-in is off unless a tenant turns it on; the number is for MFA and SSPR.
  return { kind: 'phone', id: PHONE_METHOD_IDS[phoneType], createdDateTime, phoneNumber, phoneType, smsSignInState: 'notAllowedByPolicy' };
}

/** `deviceName` is what Authenticator reports, e.g. `iPhone 14` or a model code such as `SM-A146B`. */
export function authenticator(
  owner: string,
  deviceName: string,
  createdDateTime: string,
  phoneAppVersion = '6.8.12',
): SimulatedAuthenticatorMethod {
  return {
    kind: 'microsoftAuthenticator',
    id: guidFrom(`${owner}/authenticator/${deviceName}`),
    createdDateTime,
    displayName: deviceName,
    deviceTag: 'SoftwareTokenActivated',
    phoneAppVersion,
  };
}

/** A YubiKey 5 with NFC; its AAGUID is the one Yubico publishes for the model. */
export function securityKey(owner: string, displayName: string, createdDateTime: string): SimulatedFido2Method {
  const digest = createHash('sha256').update(`${owner}/fido2/${displayName}`).digest();
  return {
    kind: 'fido2',
    // FIDO2 method ids are base64url credential ids, not GUIDs.
    id: digest.subarray(0, 16).toString('base64url'),
    createdDateTime,
    displayName,
    model: 'YubiKey 5 Series with NFC',
    aaGuid: 'fa2b99dc-9e39-4257-8f92-4a30d23c4118',
    attestationLevel: 'attested',
    attestationCertificates: [digest.subarray(16, 36).toString('hex')],
  };
}

export function email(emailAddress: string, createdDateTime: string): SimulatedEmailMethod {
  return { kind: 'email', id: EMAIL_METHOD_ID, createdDateTime, emailAddress };
}

export function softwareOath(owner: string, createdDateTime: string): SimulatedSoftwareOathMethod {
  return { kind: 'softwareOath', id: guidFrom(`${owner}/softwareOath`), createdDateTime };
}

/** A pass issued earlier; only its hash is kept, of a value nobody was ever shown. */
export function earlierPass(
  owner: string,
  createdDateTime: string,
  lifetimeInMinutes: number,
  isUsableOnce: boolean,
): SimulatedTemporaryAccessPass {
  return {
    kind: 'temporaryAccessPass',
    id: guidFrom(`${owner}/temporaryAccessPass`),
    createdDateTime,
    startDateTime: createdDateTime,
    lifetimeInMinutes,
    isUsableOnce,
    passSha256: createHash('sha256').update(`${owner}/unused pass`).digest('hex'),
  };
}

/** Digits that stay the same for a user, for a phone number that looks like theirs. */
export function digitsFor(owner: string, count: number): string {
  const hex = createHash('sha256').update(`${owner}/phone`).digest('hex');
  return Array.from({ length: count }, (_, index) => (parseInt(hex.charAt(index), 16) % 10).toString()).join('');
}
