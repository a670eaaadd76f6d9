/**
 * The English and Latvian catalogues hold the same keys, the same placeholders and the plural forms each
 * language needs; every message renders fully; Latvian counts pick the right form; Teams locales map to ours.
 */
import {
  catalogueKeys,
  catalogueMessage,
  localeFrom,
  render,
  translate,
  type Locale,
  type Message,
  type MessageKey,
} from '../../src/i18n/catalogue';

const LOCALES: readonly Locale[] = ['en', 'lv'];
const keys = catalogueKeys('en') as MessageKey[];

function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((f): f is string => f !== undefined);
}

function placeholders(message: Message): string[] {
  const names = forms(message).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string));
  return [...new Set(names)].sort();
}

/** A value for every placeholder: `{count}` gets the number, anything else a recognisable sample. */
function sampleParams(message: Message, count: number): Record<string, string | number> {
  // Plural forms are chosen on `count` even when no form prints it.
  const names = typeof message === 'string' ? placeholders(message) : [...new Set([...placeholders(message), 'count'])];
  return Object.fromEntries(names.map((name) => [name, name === 'count' ? count : `sample-${name}`]));
}

function pluralCategories(locale: Locale): string[] {
  return [...new Intl.PluralRules(locale).resolvedOptions().pluralCategories].sort();
}

describe('catalogue key sets', () => {
  it('has every key in both languages and no extra key in either', () => {
    const english = new Set(catalogueKeys('en'));
    const latvian = new Set(catalogueKeys('lv'));
    expect({
      missingInLatvian: [...english].filter((key) => !latvian.has(key)),
      onlyInLatvian: [...latvian].filter((key) => !english.has(key)),
    }).toEqual({ missingInLatvian: [], onlyInLatvian: [] });
  });

  it('knows the plural categories it relies on', () => {
    expect(pluralCategories('en')).toEqual(['one', 'other']);
    expect(pluralCategories('lv')).toEqual(['one', 'other', 'zero']);
  });

  it.each(keys)('%s: is plural in both languages or in neither, with the forms each language needs', (key) => {
    const english = catalogueMessage('en', key);
    const latvian = catalogueMessage('lv', key);
    expect(typeof latvian).toBe(typeof english);
    for (const [locale, message] of [['en', english], ['lv', latvian]] as const) {
      if (typeof message !== 'string') {
        expect([locale, Object.keys(message).sort()]).toEqual([locale, pluralCategories(locale)]);
      }
    }
  });
});

describe('placeholders', () => {
  it.each(keys)('%s: has the same placeholders in English and Latvian', (key) => {
    expect(placeholders(catalogueMessage('lv', key))).toEqual(placeholders(catalogueMessage('en', key)));
  });

  // Latvian `one` covers 1, 21, 31 … and `zero` covers 0, 10–20, 30 …, so where English shows the count,
  // no Latvian form may spell out the number ("1 …" in English `one` is fine: it is only ever 1).
  const countedKeys = keys.filter((key) => {
    const english = catalogueMessage('en', key);
    return typeof english !== 'string' && english.other.includes('{count}');
  });

  it.each(countedKeys)(
    '%s: shows {count} in every Latvian plural form',
    (key) => {
      for (const form of forms(catalogueMessage('lv', key))) {
        expect(form).toContain('{count}');
      }
    },
  );
});

describe('rendering every message', () => {
  const cases = LOCALES.flatMap((locale) => keys.map((key): [Locale, MessageKey] => [locale, key]));

  it.each(cases)('%s %s: renders with no raw key and no leftover placeholder', (locale, key) => {
    for (const count of [0, 1, 2, 5, 11, 21, 22]) {
      const rendered = render(locale, { key, params: sampleParams(catalogueMessage(locale, key), count) });
      expect(rendered.trim()).not.toBe('');
      expect(rendered).not.toBe(key);
      expect(rendered).not.toMatch(/\{\w+\}/);
    }
  });
});

describe('Latvian plurals', () => {
  const key: MessageKey = 'finding.failedSignIns.title';
  const message = catalogueMessage('lv', key);
  const rules = new Intl.PluralRules('lv');

  it.each([
    [1, 'one'],
    [21, 'one'],
    [31, 'one'],
    [101, 'one'],
    [0, 'zero'],
    [10, 'zero'],
    [11, 'zero'],
    [15, 'zero'],
    [19, 'zero'],
    [20, 'zero'],
    [30, 'zero'],
    [2, 'other'],
    [5, 'other'],
    [9, 'other'],
    [22, 'other'],
  ] as const)('count %i takes the %s form', (count, category) => {
    expect(rules.select(count)).toBe(category);
    if (typeof message === 'string') throw new Error(`${key} should have plural forms`);
    expect(translate('lv', key, { count })).toBe(message[category]?.replace('{count}', String(count)));
  });

  it('reads as Latvian: singular after 1, 21, 31; plural after 0, 11, 2, 22', () => {
    expect(translate('lv', key, { count: 21 })).toBe('21 neveiksmīgs pierakstīšanās mēģinājums pēdējo 24 stundu laikā');
    expect(translate('lv', key, { count: 11 })).toBe('11 neveiksmīgi pierakstīšanās mēģinājumi pēdējo 24 stundu laikā');
    expect(translate('lv', key, { count: 22 })).toBe('22 neveiksmīgi pierakstīšanās mēģinājumi pēdējo 24 stundu laikā');
  });
});

describe('localeFrom', () => {
  it.each([
    ['lv', 'lv'],
    ['lv-LV', 'lv'],
    ['LV-lv', 'lv'],
    ['en-US', 'en'],
    ['en-GB', 'en'],
    ['de-DE', 'en'],
    [undefined, 'en'],
    ['', 'en'],
  ] as const)('%s → %s', (teamsLocale, locale) => {
    expect(localeFrom(teamsLocale)).toBe(locale);
  });
});

describe('params are data, not markup', () => {
  it('a Markdown link in a rule name does not become a link', () => {
    const shown = translate('en', 'step.removeInboxRule.confirm', { user: 'Lee Gu', item: '[Verify your session](https://evil.example/login)' });
    expect(shown).not.toMatch(/\]\(/);
    expect(shown).toContain('Verify your session');
  });

  it('a param that only starts like a date is not a way round that', () => {
    const shown = translate('en', 'step.removeInboxRule.confirm', { user: 'Lee Gu', item: '2024-01-01T00:00 [Verify](https://evil.example)' });
    expect(shown).not.toMatch(/\]\(/);
  });
});
