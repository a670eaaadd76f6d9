/**
 * The findings card's "Verify the caller" section: warnings first, a lockout from abroad in words and
 * in the Attention colour, the callback facts as a FactSet, "could not read" for a part that failed,
 * in both languages; the card stays valid for the renderer.
 */
import { findingsCard } from '../../cards';
import { diagnose } from '../../src/diagnosis/diagnose';
import type { AccountState } from '../../src/domain/account';
import { changed } from '../fixtures/accountStateParts';
import { SAMPLE_ACCOUNTS, SAMPLE_CHECKED_AT } from '../fixtures/sampleAccounts';
import { cardProblems } from './cardProblems';

type Json = Record<string, unknown>;

function cardOf(state: AccountState, locale: 'en' | 'lv' = 'en'): Json {
  const { id, userPrincipalName, displayName } = state.user;
  const card = findingsCard(
    { user: { id, userPrincipalName, displayName }, diagnosis: diagnose(state), cardId: '2b7e1c4a-9d3f-4a6b-8c5e-1f0a2b3c4d5e', checkedAt: SAMPLE_CHECKED_AT },
    locale === 'lv' ? { locale, timeZone: 'Europe/Riga' } : { locale },
  );
  return card.content as Json;
}

function section(card: Json): Json[] {
  const found = (card.body as Json[]).find((element) => JSON.stringify(element).includes('"FactSet"'));
  if (!found) throw new Error('no Verify the caller section');
  return found.items as Json[];
}

/** What a person reads: Teams renders facts as Markdown, so a backslash escape shows as the character. */
function shown(value: string): string {
  return value.replace(/\\(.)/g, '$1');
}

function facts(card: Json): Record<string, string> {
  const set = section(card).find((item) => item.type === 'FactSet') as { facts: { title: string; value: string }[] };
  return Object.fromEntries(set.facts.map((fact) => [fact.title, shown(fact.value)]));
}

describe('Verify the caller', () => {
  it('puts the warnings first, and a lockout from abroad says so in words and in red', () => {
    const card = cardOf(SAMPLE_ACCOUNTS.passwordSpray);
    expect(cardProblems(card)).toEqual([]);
    const [heading, warning, ...rest] = section(card);
    expect(heading?.text).toBe('Verify the caller');
    expect(warning).toMatchObject({ color: 'Attention', text: expect.stringMatching(/^Warning: failing or risky sign-ins from Brazil/) });
    const line = rest.find((item) => String(item.text).includes('São Paulo'));
    expect(line).toMatchObject({ color: 'Attention', text: expect.stringContaining('São Paulo, Brazil: a new country for this user · 192.0.2.145 · OfficeHome · Linux · Chrome 119.0.0') });
    // Right above the checked-at line and the buttons, after the findings.
    const body = card.body as Json[];
    expect(body.findIndex((element) => JSON.stringify(element).includes('"FactSet"'))).toBe(body.length - 3);
  });

  it('a lockout from the office has no warning and no red', () => {
    const items = section(cardOf(SAMPLE_ACCOUNTS.smartLockout));
    expect(items.filter((item) => item.color === 'Attention')).toEqual([]);
    expect(items.map((item) => item.text).join('\n')).toMatch(/17 failed · Riga, Latvia: where this user signs in/);
  });

  it('shows the callback facts with phones masked, and "could not read" for a part that failed', () => {
    expect(facts(cardOf(SAMPLE_ACCOUNTS.healthy))).toMatchObject({
      'Mobile phone': '•••• ••47',
      'Office phone': '•••• ••12',
      Manager: 'Jānis Ozols (Head of Finance) · janis.ozols@contoso.com · •••• ••08',
      Department: 'Finance',
      'Job title': 'Accountant',
      Office: 'Riga, Brīvības iela 12',
      'Password last changed': '10 Oct 2026, 09:30 UTC',
      'Same display name': 'no other user',
    });
    const failed = changed(SAMPLE_ACCOUNTS.healthy, {
      manager: { kind: 'unavailable', cause: 'permission' },
      sameDisplayName: { kind: 'unavailable', cause: 'outage' },
      earlierSignIns: { kind: 'unavailable', cause: 'licence' },
    });
    const card = cardOf(failed);
    expect(cardProblems(card)).toEqual([]);
    expect(facts(card)).toMatchObject({ Manager: 'could not read', 'Same display name': 'could not read' });
    expect(section(card).map((item) => item.text)).toContain('Could not read the last 30 days of sign-ins, so no place is marked as new.');
  });

  it('is in Latvian, in the operator time zone', () => {
    const card = cardOf(SAMPLE_ACCOUNTS.passwordSpray, 'lv');
    expect(cardProblems(card)).toEqual([]);
    expect(section(card)[0]?.text).toBe('Zvanītāja pārbaude');
    expect(facts(card)).toMatchObject({ Vadītājs: 'Jānis Ozols (Head of Finance) · janis.ozols@contoso.com · •••• ••08', 'Parole pēdējoreiz mainīta': '2026. gada 10. okt. 12:30' });
  });

  it("is in an operator's own view of a channel's card, never in the read-only card every member sees", () => {
    const { user } = SAMPLE_ACCOUNTS.passwordSpray;
    const input = { user, diagnosis: diagnose(SAMPLE_ACCOUNTS.passwordSpray), cardId: '2b7e1c4a-9d3f-4a6b-8c5e-1f0a2b3c4d5e', checkedAt: SAMPLE_CHECKED_AT };
    const shared = JSON.stringify(findingsCard(input, { locale: 'en', shared: { refreshFor: [], withActions: false } }).content);
    expect(shared).not.toMatch(/Verify the caller|São Paulo|••••|FactSet/);
    expect(JSON.stringify(findingsCard(input, { locale: 'en', shared: { refreshFor: [], withActions: true } }).content)).toMatch(/Verify the caller[\s\S]*São Paulo/);
  });

  it('shows directory data as written: Markdown in it is escaped', () => {
    const state = changed(SAMPLE_ACCOUNTS.healthy, { user: { department: '*Finance* [x](http://evil.example)', officeLocation: '# HQ' } });
    const card = cardOf(state);
    const set = section(card).find((item) => item.type === 'FactSet') as { facts: { title: string; value: string }[] };
    expect(set.facts.find((fact) => fact.title === 'Department')?.value).toBe('\\*Finance\\* \\[x\\](http://evil.example)');
    expect(set.facts.find((fact) => fact.title === 'Office')?.value).toBe('\\# HQ');
  });

  it('a diagnosis made before the section existed renders without it', () => {
    const { verification: _left, ...older } = diagnose(SAMPLE_ACCOUNTS.healthy);
    const card = findingsCard({ user: SAMPLE_ACCOUNTS.healthy.user, diagnosis: older, cardId: '2b7e1c4a-9d3f-4a6b-8c5e-1f0a2b3c4d5e', checkedAt: SAMPLE_CHECKED_AT }, { locale: 'en' });
    expect(JSON.stringify(card.content)).not.toMatch(/Verify the caller|FactSet/);
  });
});
