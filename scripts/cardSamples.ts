/**
 * One sample of every card the bot sends, built with the real card builders from representative
 * data (the real diagnosis of `SAMPLE_ACCOUNTS`), in every language. The rendering test checks each
 * one with the Adaptive Cards renderer; `npm run screenshots` pictures the ones marked `pictured`.
 */
import type { Attachment } from 'botbuilder';
import {
  choiceCard,
  confirmCard,
  findingsCard,
  messageCard,
  secretCard,
  type Banner,
  type CardView,
} from '../cards';
import { helpCard } from '../cards/help';
import { diagnose } from '../src/diagnosis/diagnose';
import type { Diagnosis, RemediationStep } from '../src/domain/diagnosis';
import type { UserSummary } from '../src/domain/account';
import type { Locale } from '../src/i18n/catalogue';
import { text } from '../src/i18n/text';
import { Secret } from '../src/domain/secret';
import { stepDefinition, STEPS } from '../src/steps/registry';
import type { SecretWords } from '../src/steps/step';
import { SEEDED } from '../src/simulator/seeded';
import { SAMPLE_ACCOUNTS, SAMPLE_CHECKED_AT, type SampleAccount } from './sampleAccounts';

export const SAMPLE_LOCALES: readonly Locale[] = ['en', 'lv'];

export interface CardSample {
  /** File-name friendly: `findings-signInBlocked`, `confirm-resetPassword`, … */
  readonly name: string;
  readonly locale: Locale;
  /** The Adaptive Card JSON, as it goes into the attachment. */
  readonly card: Record<string, unknown>;
  /** One of the few cards `npm run screenshots` pictures for the README. */
  readonly pictured: boolean;
}

// Record ids in cards are GUID-shaped (see cards/actions.ts); these are fixed so samples never change.
const CARD_ID = '2b7e1c4a-9d3f-4a6b-8c5e-1f0a2b3c4d5e';
const CHOICE_ID = '7c9d2e4f-1a3b-4c5d-8e6f-0a1b2c3d4e5f';
const TEMPORARY_PASSWORD = 'Kuvo=4821?Reta';
const TEMPORARY_ACCESS_PASS = 'Kp7#xW2m';

const PICTURED: ReadonlySet<string> = new Set([
  'findings-signInBlocked',
  'findings-smartLockout',
  'findings-atRisk',
  'findings-signInBlocked-done',
  'choice',
  'confirm-allowSignIn',
  'password',
  'confirm-temporaryAccessPass',
  'secret-temporaryAccessPass',
  'help',
]);

function viewFor(locale: Locale): CardView {
  return locale === 'lv' ? { locale, timeZone: 'Europe/Riga' } : { locale };
}

function summary(account: SampleAccount): UserSummary {
  const { id, userPrincipalName, displayName, mail } = SAMPLE_ACCOUNTS[account].user;
  return { id, userPrincipalName, displayName, ...(mail ? { mail } : {}) };
}

function diagnosisOf(account: SampleAccount): Diagnosis {
  return diagnose(SAMPLE_ACCOUNTS[account]);
}

/** The step as a findings card offers it (with its rule for `removeInboxRule`), from the first account that offers it. */
function offeredStep(id: string): { account: SampleAccount; step: RemediationStep } {
  for (const account of Object.keys(SAMPLE_ACCOUNTS) as SampleAccount[]) {
    const step = diagnosisOf(account).steps.find((offered) => offered.id === id);
    if (step) {
      return { account, step };
    }
  }
  return { account: 'healthy', step: { id } };
}

function cardsFor(view: CardView): Record<string, Attachment> {
  const cards: Record<string, Attachment> = {};
  const findings = (account: SampleAccount, banner?: Banner): Attachment =>
    findingsCard(
      { user: summary(account), diagnosis: diagnosisOf(account), cardId: CARD_ID, checkedAt: SAMPLE_CHECKED_AT, ...(banner ? { banner } : {}) },
      view,
    );

  for (const account of Object.keys(SAMPLE_ACCOUNTS) as SampleAccount[]) {
    cards[`findings-${account}`] = findings(account);
  }
  // After "Allow sign-in" → "Yes, do it": the account read again (now healthy) under a green banner.
  const allowSignIn = text('step.allowSignIn.title');
  const blocked = SAMPLE_ACCOUNTS.signInBlocked;
  cards['findings-signInBlocked-done'] = findingsCard(
    {
      user: summary('signInBlocked'),
      diagnosis: diagnose({ ...blocked, user: { ...blocked.user, accountEnabled: true } }),
      cardId: CARD_ID,
      checkedAt: SAMPLE_CHECKED_AT,
      banner: { tone: 'good', text: text('result.done', { action: allowSignIn }), details: [text('result.doneDelay')] },
    },
    view,
  );
  cards['findings-signInBlocked-failed'] = findings('signInBlocked', {
    tone: 'attention',
    text: text('result.failed', { action: allowSignIn }),
    details: [text('result.failed.other', { code: 'outage' }), text('cause.outage'), text('result.requestId', { requestId: '3f2a9c1e-5b7d-4e8a-9c0f-1d2e3f4a5b6c' })],
  });
  cards['findings-globalAdmin-refused'] = findings('globalAdmin', {
    tone: 'attention',
    text: text('result.privilegedTarget', { roles: 'Global Administrator' }),
  });

  const namesakes = [SEEDED.users.smartLockout, SEEDED.users.namesake, SEEDED.users.namesakeAscii].map(
    (person): UserSummary => ({ id: person.id, userPrincipalName: person.upn, displayName: person.displayName }),
  );
  cards.choice = choiceCard({ query: 'Bērziņa', choiceId: CHOICE_ID, candidates: namesakes, more: false }, view);
  cards['choice-more'] = choiceCard({ query: 'berz', choiceId: CHOICE_ID, candidates: namesakes, more: true }, view);

  for (const { id } of STEPS) {
    const { account, step } = offeredStep(id);
    cards[`confirm-${id}`] = confirmCard({ user: summary(account), step, cardId: CARD_ID }, view);
  }

  const words = (id: string): SecretWords => {
    const step = stepDefinition(id);
    if (step?.kind !== 'write' || !step.secret) throw new Error(`${id} shows no secret`);
    return step.secret;
  };
  cards.password = secretCard(
    { user: summary('smartLockout'), secret: new Secret(TEMPORARY_PASSWORD), details: [], step: 'resetPassword', words: words('resetPassword') },
    view,
  );
  cards['password-hidden'] = secretCard({ hidden: words('resetPassword') }, view);
  const passStart = '2026-11-20T12:00:00.000Z';
  cards['secret-temporaryAccessPass'] = secretCard(
    {
      user: summary('mfaTrouble'),
      secret: new Secret(TEMPORARY_ACCESS_PASS),
      details: [text('card.tap.validity', { start: passStart, end: '2026-11-20T13:00:00.000Z' }), text('card.tap.once')],
      step: 'temporaryAccessPass',
      words: words('temporaryAccessPass'),
    },
    view,
  );
  cards['secret-temporaryAccessPass-hidden'] = secretCard({ hidden: words('temporaryAccessPass') }, view);
  const { account: passAccount, step: passStep } = offeredStep('temporaryAccessPass');
  cards['confirm-temporaryAccessPass'] = confirmCard(
    {
      user: summary(passAccount),
      step: passStep,
      cardId: CARD_ID,
      choices: { lifetimeMinutes: { min: 60, max: 480, default: 60 }, usableOnce: { default: true, required: false } },
    },
    view,
  );

  cards.help = helpCard(view);
  for (const step of STEPS) {
    if (step.kind !== 'guidance') continue;
    const { account } = offeredStep(step.id);
    const guidance = step.guidance({ target: summary(account), state: SAMPLE_ACCOUNTS[account], diagnosis: diagnosisOf(account) });
    cards[`guidance-${step.id}`] = messageCard(guidance, view);
  }
  cards['message-staleCard'] = messageCard({ heading: text('unlock.staleCard'), paragraphs: [] }, view);
  cards['message-chosen'] = messageCard({ heading: text('unlock.chosen', { name: SEEDED.users.smartLockout.displayName }), paragraphs: [] }, view);
  return cards;
}

export function cardSamples(): CardSample[] {
  return SAMPLE_LOCALES.flatMap((locale) =>
    Object.entries(cardsFor(viewFor(locale))).map(([name, attachment]) => ({
      name,
      locale,
      card: attachment.content as Record<string, unknown>,
      pictured: PICTURED.has(name),
    })),
  );
}
