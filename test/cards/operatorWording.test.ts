/**
 * Words on the cards an operator acts on: inbox rules named "." or nothing at all are seen (always
 * quoted, a placeholder for an empty name) on buttons, confirmations and findings; "Cancelled" is not
 * the green of a step done; the hidden-password card points to what works in Unlock.
 */
import { confirmCard, findingsCard, secretCard } from '../../cards';
import { diagnose } from '../../src/diagnosis/diagnose';
import { resetPassword } from '../../src/steps/resetPassword';
import { text } from '../../src/i18n/text';
import { EXTERNAL_FORWARD, rule, rules, stateWith } from '../unit/fixtures/accountStates';
import { buttonTitles, cardText, type CardJson } from '../support/botHarness';

const user = { id: 'u1', userPrincipalName: 'lee@contoso.com', displayName: 'Lee Gu' };
const named = (name: string) => rule(`r-${name.length}`, { ...EXTERNAL_FORWARD, displayName: name });
const state = stateWith(rules(named('.'), named('..'), named(''), named('   ')));
const diagnosis = diagnose(state);
const findings = (locale: 'en' | 'lv', banner?: Parameters<typeof findingsCard>[0]['banner']): CardJson =>
  findingsCard({ user, diagnosis, cardId: 'c1', checkedAt: state.checkedAt, ...(banner ? { banner } : {}) }, { locale }).content as CardJson;

describe('inbox rule names', () => {
  it('are quoted on every button, and an empty or blank name shows a placeholder', () => {
    const removes = buttonTitles(findings('en')).filter((title) => title.startsWith('Remove rule'));
    expect(removes.sort()).toEqual(['Remove rule: "."', 'Remove rule: ".."', 'Remove rule: (no name)', 'Remove rule: (no name)']);
    expect(buttonTitles(findings('lv')).filter((title) => title.startsWith('Noņemt kārtulu'))).toContain('Noņemt kārtulu: (bez nosaukuma)');
  });

  it('are quoted in the findings and in the confirmation', () => {
    expect(cardText(findings('en'))).toContain('Inbox rule "." hides or sends mail elsewhere');
    expect(cardText(findings('en'))).toContain('Inbox rule (no name) hides or sends mail elsewhere');
    const step = (name: string) => diagnosis.steps.find((candidate) => candidate.id === 'removeInboxRule' && candidate.itemName === name);
    const confirm = (name: string): string =>
      cardText(confirmCard({ user, step: step(name) ?? { id: 'x' }, cardId: 'c1', confirmationId: 'k1' }, { locale: 'en' }).content as CardJson);
    expect(confirm('.')).toContain('Remove the inbox rule "." from the mailbox of Lee Gu?');
    expect(confirm('   ')).toContain('Remove the inbox rule (no name) from the mailbox of Lee Gu?');
    expect(confirm('')).not.toContain('""');
  });
});

describe('banners', () => {
  const bannerStyle = (card: CardJson): unknown =>
    ((card.body ?? []) as { type?: string; style?: string; items?: unknown[] }[]).find((element) => element.type === 'Container' && element.style !== undefined)?.style;

  it('"Cancelled" is neutral, not the green of a step done', () => {
    expect(bannerStyle(findings('en', { tone: 'neutral', text: text('result.cancelled') }))).toBe('emphasis');
    expect(bannerStyle(findings('en', { tone: 'good', text: text('result.done', { action: 'Reset password' }) }))).toBe('good');
  });
});

describe('the hidden-password card', () => {
  it.each([
    ['en', /check the user again in your 1:1 chat with Unlock and reset the password again, from 20 Nov 2026, 12:02 UTC \(a step cannot be repeated on the same account for two minutes\)/],
    ['lv', /individuālajā \(1:1\) tērzēšanā ar Unlock un atiestatiet paroli vēlreiz, sākot no 2026\. gada 20\. nov\. 12:02 UTC/],
  ] as const)('points to what works in Unlock, not the admin center, and says from when (%s)', (locale, expected) => {
    const shown = cardText(secretCard({ hidden: resetPassword.secret, repeatAt: '2026-11-20T12:02:00.000Z' }, { locale }).content as CardJson);
    expect(shown).toMatch(expected);
    expect(shown).not.toMatch(/admin center|administrēšanas centr/);
  });
});
