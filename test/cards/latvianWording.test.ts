/**
 * Wording a Latvian IT admin reads without stumbling, and an end user's answer that says "if that does
 * not help" only after something they could try. A display name cannot be declined safely, so it never
 * follows a genitive noun ("lietotāja Anna Bērziņa paroli"): it follows a dative "lietotājam".
 */
import { confirmCard } from '../../cards';
import { ownAccountCard } from '../../cards/selfService';
import { catalogueKeys, catalogueMessage, type MessageKey } from '../../src/i18n/catalogue';
import type { OwnSituation } from '../../src/operations/ownAccount';
import { cardText, type CardJson } from '../support/botHarness';

const user = { id: 'u1', displayName: 'Anna Bērziņa', userPrincipalName: 'anna.berzina@contoso.com' };

function confirmation(step: string, locale: 'en' | 'lv'): string {
  return cardText(confirmCard({ user, step: { id: step, itemName: 'Pārsūtīt' }, cardId: 'c1', confirmationId: 'k1', choices: { verification: true } }, { locale }).content as CardJson);
}

describe('Latvian wording', () => {
  it('no display name after a genitive "lietotāja" in any Latvian message', () => {
    const offending = catalogueKeys('lv').filter((key) => /(lietotāja|starp) \{(user|name|target)\}/.test(JSON.stringify(catalogueMessage('lv', key as MessageKey))));
    expect(offending).toEqual([]);
  });

  it('the confirmations put the name after "lietotājam", and Teams is "programmā Teams"', () => {
    expect(confirmation('resetPassword', 'lv')).toContain('Vai atiestatīt paroli lietotājam Anna Bērziņa?');
    expect(confirmation('dismissRisk', 'lv')).toContain('Vai noraidīt risku lietotājam Anna Bērziņa?');
    expect(confirmation('resetPassword', 'lv')).toContain('Lūgt lietotājam apstiprināt programmā Teams (Unlock nosūtīs jautājumu)');
    expect(confirmation('resetPassword', 'lv')).toContain('Lūgt lietotāja vadītājam apstiprināt programmā Teams (Unlock nosūtīs jautājumu)');
  });

  it('"Same display name" on a first check says it was not compared yet, and how to compare', () => {
    expect(catalogueMessage('lv', 'verify.value.onRecheck')).toBe('vēl nav salīdzināts: izvēlieties "Pārbaudīt vēlreiz", lai salīdzinātu ar citu lietotāju vārdiem');
  });

  it('the help request without a channel: "kanālu Unlock pieprasījumiem", and a contact line that reads with the default', () => {
    expect(catalogueMessage('lv', 'helpRequest.noChannel')).toContain('kanālu Unlock pieprasījumiem');
    expect(catalogueMessage('en', 'helpRequest.noChannel')).not.toContain('contact them directly');
  });
});

describe('the end user\'s own-account answer', () => {
  const read = (situations: readonly OwnSituation[], selfServiceReset: 'registered' | 'notRegistered' | 'notEnabled' | 'unknown') => ({
    kind: 'read' as const,
    userPrincipalName: user.userPrincipalName,
    situations,
    selfServiceReset,
  });

  it('says "If that does not help" only after something to try', () => {
    const blocked = cardText(ownAccountCard(read([{ kind: 'signInBlocked' }], 'registered'), 'cantSignIn', { locale: 'en' }).content as CardJson);
    expect(blocked).not.toContain('If that does not help');
    expect(blocked).toContain('Contact your helpdesk: they will help you.');
    const lockedLv = cardText(ownAccountCard(read([], 'notEnabled'), 'cantSignIn', { locale: 'lv' }).content as CardJson);
    expect(lockedLv).not.toContain('Ja tas nepalīdz');
    const canReset = cardText(ownAccountCard(read([], 'registered'), 'cantSignIn', { locale: 'en' }).content as CardJson);
    expect(canReset).toContain('If that does not help, contact your helpdesk.');
  });
});
