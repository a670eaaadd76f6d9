/**
 * Remove a sign-in method the user does not recognise: offered for each method added in the last
 * days (see diagnosis/signInMethods.ts). Graph deletes a method through the collection of its type.
 * https://learn.microsoft.com/en-us/graph/api/resources/authenticationmethods-overview
 */
import type { SignInMethodType } from '../domain/account';
import { outcomeOnly, userPath, type WriteStep } from './step';

/** The typed collection under `/users/{id}/authentication/` that deletes each kind of method. */
const COLLECTIONS: Readonly<Partial<Record<SignInMethodType, string>>> = {
  phone: 'phoneMethods',
  microsoftAuthenticator: 'microsoftAuthenticatorMethods',
  fido2: 'fido2Methods',
  email: 'emailMethods',
  softwareOath: 'softwareOathMethods',
  temporaryAccessPass: 'temporaryAccessPassMethods',
  windowsHelloForBusiness: 'windowsHelloForBusinessMethods',
  platformCredential: 'platformCredentialMethods',
};

/** The item id a card carries: the method's type and id, so the delete needs no second read. */
function itemId(type: SignInMethodType, id: string): string {
  return `${type}/${id}`;
}

export const removeSignInMethod = {
  id: 'removeSignInMethod',
  kind: 'write',
  purpose: 'secure',
  title: 'step.removeSignInMethod.title',
  confirm: 'step.removeSignInMethod.confirm',
  permission: 'UserAuthenticationMethod.ReadWrite.All (with the Authentication Administrator role)',
  // One person may have two or three stale methods (an old phone, an old app); removing every method is
  // how an impostor makes room to register their own, so more than three in an hour is stopped.
  limits: { name: 'REMOVE_METHOD', perOperator: { max: 10, windowMinutes: 15 }, perTarget: { max: 3, windowMinutes: 60 } },
  askUser: 'teamsConfirm.ask.removeSignInMethod',
  cloudOnly: false,
  showsSecret: false,
  offers: (findings) =>
    findings.flatMap((finding) =>
      finding.kind === 'newSignInMethod' && COLLECTIONS[finding.methodType]
        ? [{ itemId: itemId(finding.methodType, finding.methodId), itemName: finding.label || finding.methodType }]
        : [],
    ),
  execute: async ({ tenant, target, step }) => {
    const [type, id] = (step.itemId ?? '').split('/', 2) as [SignInMethodType, string | undefined];
    const collection = COLLECTIONS[type];
    if (!collection || !id) return { kind: 'failed', cause: 'notFound' };
    return outcomeOnly(await tenant.graph('DELETE', `${userPath(target.id)}/authentication/${collection}/${encodeURIComponent(id)}`));
  },
} as const satisfies WriteStep<'removeSignInMethod'>;
