/**
 * The operator's actions from "X is locked out" to "fixed", for each seeded case: a scripted operator
 * in a 1:1 chat writes one message about the person ("Megan Bowen is locked out"), acts on the
 * person's own card when namesakes get one each (picks the person from a list when names only look
 * alike), presses the step the card puts first, and its confirmation's Yes (choosing
 * the first way of verifying the requester when the confirmation asks for one). "Fixed" is the step's
 * account read again with nothing wrong found, or the secret card of a reset or pass; while the card
 * still recommends a step, the operator presses it too (a compromised account takes several).
 * Messages and button presses are the actions the goal counts; a choice on the confirmation card is
 * counted beside them. Against the admin-center route for the same fix, counted the same way.
 */
import { SEEDED, type SeededRole } from '../src/simulator/seeded';
import type { Conversation, TurnDriver } from './load';

interface Button {
  title?: string;
  verb?: string;
  data?: Record<string, unknown>;
}
interface Element {
  type?: string;
  id?: string;
  text?: string;
  value?: string;
  choices?: { value?: string }[];
  actions?: Button[];
  items?: Element[];
  columns?: Element[];
  body?: Element[];
  card?: Element;
}

export interface OperatorActionsCase {
  readonly role: SeededRole;
  readonly person: string;
  readonly shows: string;
  readonly message: string;
  /** Messages, button presses and choices, in order. */
  readonly actions: readonly string[];
  /** Messages + button presses (what the goal of ≤ 3 counts). */
  readonly count: number;
  /** Choices made on a confirmation card (how the requester was verified). */
  readonly choices: number;
  readonly outcome: 'fixed' | 'refused' | 'nothing to fix' | 'stuck';
  /** The admin center's route for the same fix, and how many clicks and entries it takes. */
  readonly adminCenter: AdminRoute;
  readonly lastCard: string;
}

export interface AdminRoute {
  readonly route: string;
  readonly count: number;
}

/**
 * The Microsoft 365 / Entra admin center route for each seeded case, counted the same way (one
 * action per search, click, choice or confirmation; signing in to the admin center not counted).
 * Finding the user is always 2 (type the name in Users → Active users' search, open the user).
 *   - unblock sign-in: Block sign-in → untick → Save changes (+3)
 *   - reset password: Reset password → Reset password → copy and close (+3), the user changes it at next sign-in
 *   - smart lockout has no "unlock" button: it lifts by itself, or a password reset (as above)
 *   - MFA: Manage multifactor authentication → Authentication methods → Require re-register (+3)
 *   - risky user: Entra → Protection → Identity Protection → Risky users → search → select → Dismiss/Confirm → Yes (6)
 *   - restricted sender: Exchange admin center → Protection → Restricted entities → select → Unblock → confirm (5, Defender portal)
 *   - inbox rule: Exchange admin center → Mailboxes → user → Mail flow / Outlook on the web as the user; in practice PowerShell (≥ 5)
 * https://learn.microsoft.com/en-us/microsoft-365/admin/add-users/reset-passwords
 * https://learn.microsoft.com/en-us/entra/id-protection/howto-identity-protection-remediate-unblock
 * https://learn.microsoft.com/en-us/defender-office-365/removing-user-from-restricted-users-portal-after-spam
 */
const RESET_PASSWORD: AdminRoute = { route: 'Active users → search → user → Reset password → Reset → Close', count: 5 };
const ADMIN_CENTER: Partial<Record<SeededRole, AdminRoute>> = {
  signInBlocked: { route: 'Active users → search → user → Block sign-in → untick → Save', count: 5 },
  smartLockout: { route: 'Active users → search → user → Reset password → Reset → Close (or wait for the lockout to lift)', count: 5 },
  failedSignIns: RESET_PASSWORD,
  mfaTrouble: { route: 'Entra: Users → search → user → Authentication methods → Require re-register MFA → Yes', count: 5 },
  conditionalAccess: { route: 'Entra: Sign-in logs → filter user → open failure → read the policy → Conditional Access → policy → exclude/fix → Save', count: 8 },
  atRisk: { route: 'Entra: Identity Protection → Risky users → search → select → Reset password / Dismiss → Yes', count: 6 },
  restrictedSender: { route: 'Defender: Email & collaboration → Review → Restricted entities → select → Unblock → confirm', count: 6 },
  ssprNotRegistered: RESET_PASSWORD,
  forwardingRule: { route: 'Exchange admin center → Mailboxes → user → (rules are not shown) → PowerShell Get-InboxRule / Remove-InboxRule', count: 6 },
  onPremises: { route: 'On-premises Active Directory Users and Computers → find → Reset Password → OK (then sync)', count: 5 },
  everything: { route: 'Revoke sessions, reset password, remove the rule, confirm compromised: four routes above', count: 20 },
  passwordSpray: RESET_PASSWORD,
  apostrophe: RESET_PASSWORD,
  noMailbox: RESET_PASSWORD,
  guest: { route: 'Entra: Users → search → guest → Reset redemption status (or in the home tenant)', count: 4 },
  lookAlike: RESET_PASSWORD,
  sharedName: { route: 'Active users → search → choose among the namesakes → Reset password → Reset → Close', count: 5 },
  sharedNameTwin: { route: 'Active users → search → choose among the namesakes → Reset password → Reset → Close', count: 5 },
  newAccount: RESET_PASSWORD,
  globalAdmin: { route: 'Entra, by a Privileged Authentication Administrator: Users → search → user → Reset password → Reset', count: 5 },
  exchangeAdmin: { route: 'Entra, by a Privileged Authentication Administrator: Users → search → user → Reset password → Reset', count: 5 },
  eligibleAdmin: { route: 'Entra, by a Privileged Authentication Administrator: Users → search → user → Reset password → Reset', count: 5 },
  helpdeskAdmin: { route: 'Entra, by a Privileged Authentication Administrator: Users → search → user → Reset password → Reset', count: 5 },
};

function walk(element: Element | undefined, visit: (element: Element) => void): void {
  if (!element) return;
  visit(element);
  for (const child of [...(element.body ?? []), ...(element.items ?? []), ...(element.columns ?? []), ...(element.actions ?? [])] as Element[]) walk(child, visit);
  if (element.card) walk(element.card, visit);
}

function buttonsOf(card: Element | undefined): Button[] {
  const buttons: Button[] = [];
  walk(card, (element) => {
    const candidate = element as Button & Element;
    if (candidate.verb) buttons.push(candidate);
  });
  return buttons;
}

function inputsOf(card: Element | undefined): Element[] {
  const inputs: Element[] = [];
  walk(card, (element) => {
    if (element.type?.startsWith('Input.') && element.id) inputs.push(element);
  });
  return inputs;
}

function textOf(card: Element | undefined): string {
  const texts: string[] = [];
  walk(card, (element) => {
    if (typeof element.text === 'string') texts.push(element.text);
  });
  return texts.join(' | ');
}

/** The address a findings card is about: the first line with an address (under the heading), not a namesake's in a warning. */
function accountOf(card: Element): string | undefined {
  return textOf(card)
    .split(' | ')
    .find((line) => line.includes('@'))
    ?.trim();
}

function cardFromReply(reply: string | undefined): Element | undefined {
  if (!reply) return undefined;
  const activity = JSON.parse(reply) as { attachments?: { content?: Element }[] };
  return activity.attachments?.[0]?.content;
}

function cardFromInvoke(body: string): Element | undefined {
  try {
    return (JSON.parse(body) as { value?: Element }).value;
  } catch {
    return undefined;
  }
}

const click = (button: Button, extra: Record<string, unknown> = {}) => ({
  type: 'invoke',
  name: 'adaptiveCard/action',
  value: { action: { type: 'Action.Execute', verb: button.verb, data: { ...button.data, ...extra } }, trigger: 'manual' },
});

/** The cases: every seeded person with something wrong. */
export const CASES: readonly SeededRole[] = (Object.keys(SEEDED.users) as SeededRole[]).filter((role) => !['operator', 'secondOperator', 'healthy', 'namesake', 'namesakeAscii'].includes(role));

export async function operatorActions(driver: TurnDriver, role: SeededRole, conversation: Conversation): Promise<OperatorActionsCase> {
  const person = SEEDED.users[role];
  const message = `${person.displayName} is locked out`;
  const actions: string[] = [`message "${message}"`];
  const first = await driver.send(conversation, { type: 'message', text: message }, { kind: 'message', text: '', capture: true });
  // Namesakes get a card each: the operator acts on the one with the person's address.
  const cards = first.replies.map(cardFromReply).filter((reply): reply is Element => reply !== undefined);
  let card = cards.find((reply) => accountOf(reply) === person.upn) ?? cards.at(-1);
  let outcome: OperatorActionsCase['outcome'] = 'stuck';
  const choose = buttonsOf(card).find((button) => button.verb === 'unlock.chooseUser' && String(button.title ?? '').includes(person.upn));
  if (choose) {
    actions.push(`press "${choose.title ?? 'choose'}"`);
    // The chosen person's card arrives as a message at the connector.
    const chosen = await driver.send(conversation, click(choose), { kind: 'message', text: '', capture: true });
    card = cardFromReply(chosen.replies.at(-1)) ?? cardFromInvoke(chosen.body);
  }
  for (let round = 0; round < 6; round += 1) {
    const step = buttonsOf(card).find((button) => button.verb === 'unlock.step');
    if (!step) {
      if (round === 0) outcome = /refus|protect|cannot|can't|administrator/i.test(textOf(card)) ? 'refused' : 'nothing to fix';
      break;
    }
    actions.push(`press "${step.title ?? String(step.data?.step)}"`);
    const confirmation = cardFromInvoke((await driver.send(conversation, click(step), { kind: 'invoke', text: '' })).body);
    const yes = buttonsOf(confirmation).find((button) => button.verb === 'unlock.confirm');
    card = confirmation;
    if (!yes) break;
    const chosen: Record<string, unknown> = {};
    for (const input of inputsOf(confirmation)) {
      if (input.value !== undefined && input.value !== '') continue;
      const value = input.choices?.[0]?.value;
      if (value !== undefined) {
        chosen[input.id ?? ''] = value;
        actions.push(`choose ${input.id ?? 'input'} "${value}"`);
      }
    }
    actions.push(`press "${yes.title ?? 'Yes'}"`);
    card = cardFromInvoke((await driver.send(conversation, click(yes, chosen), { kind: 'invoke', text: '' })).body);
    const answer = textOf(card);
    // A reset or a pass answers with the secret card; any other step with the account read again.
    if (/Temporary password for|Temporary Access Pass for|Nothing wrong found/i.test(answer)) {
      outcome = 'fixed';
      break;
    }
  }
  return {
    role,
    person: person.displayName,
    shows: person.shows,
    message,
    actions,
    count: actions.filter((action) => !action.startsWith('choose')).length,
    choices: actions.filter((action) => action.startsWith('choose')).length,
    outcome,
    adminCenter: ADMIN_CENTER[role] ?? { route: '—', count: 0 },
    lastCard: textOf(card).slice(0, 600),
  };
}
