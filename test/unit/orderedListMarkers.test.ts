/**
 * Every catalogue message, in both languages, rendered for a TextBlock with a date in each parameter:
 * no line may start with "<digits>." or "<digits>)", which Markdown reads as an ordered-list marker (a
 * Latvian date begins "2026. gada …"). Messages whose text begins with a date parameter (history lines)
 * are the ones that broke; this keeps any new one from breaking the same way.
 */
import { catalogueKeys, catalogueMessage, escapeOrderedListMarkers, render, type Locale, type MessageKey } from '../../src/i18n/catalogue';
import type { Text } from '../../src/i18n/text';

const AT = '2026-12-01T07:35:00.000Z';

function paramsOf(key: MessageKey, locale: Locale): Record<string, string | number> {
  const message = catalogueMessage(locale, key);
  const source = typeof message === 'string' ? message : Object.values(message).join(' ');
  const names = [...source.matchAll(/\{(\w+)\}/g)].map((match) => match[1] as string);
  return { ...Object.fromEntries(names.map((name) => [name, AT])), ...(typeof message === 'string' ? {} : { count: 1 }), ...(names.includes('count') ? { count: 1 } : {}) };
}

describe('no TextBlock line starts with an ordered-list marker', () => {
  for (const locale of ['en', 'lv'] as const) {
    it(`${locale}: every message with a date in every parameter`, () => {
      const starting = catalogueKeys(locale)
        .map((key) => ({ key, shown: render(locale, { key, params: paramsOf(key as MessageKey, locale) } as Text, { markdown: true }) }))
        .filter(({ shown }) => /^[ \t]*\d+[.)]/m.test(shown));
      expect(starting).toEqual([]);
    });
  }

  it('the catalogue has Latvian messages that begin with a date (the case this guards)', () => {
    expect(render('lv', { key: 'history.entry', params: { time: AT, actor: 'A', action: 'B', outcome: 'C' } } as Text, { markdown: true })).toBe('2026\\. gada 1. dec. 07:35 UTC · A · B · C');
    expect(escapeOrderedListMarkers('1) a\n  12. b\nc 3. d')).toBe('1\\) a\n  12\\. b\nc 3. d');
  });
});
