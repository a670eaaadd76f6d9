/** Latvian names typed in the case a sentence puts them in, read back as the nominatives the directory holds. */
import { latvianNameForms, latvianNominatives, MAX_NOMINATIVES } from '../../src/i18n/latvianNames';

/** Word as typed → a nominative it must be read as (and, where it matters, the first one). */
const NOMINATIVES: ReadonlyArray<readonly [typed: string, nominative: string, ending: string]> = [
  ['Annai', 'Anna', 'dative -ai → -a'],
  ['Bērziņai', 'Bērziņa', 'dative -ai → -a'],
  ['Berzinai', 'Berzina', 'dative, typed without diacritics'],
  ['Līgai', 'Līga', 'dative -ai → -a'],
  ['Kalniņai', 'Kalniņa', 'dative -ai → -a'],
  ['Ilzei', 'Ilze', 'dative -ei → -e'],
  ['Zariņam', 'Zariņš', 'dative -am → -š'],
  ['Ozolam', 'Ozols', 'dative -am → -s'],
  ['Liepam', 'Liepa', 'dative of a masculine -a surname'],
  ['Pēterim', 'Pēteris', 'dative -im → -is'],
  ['Kārlim', 'Kārlis', 'dative -im → -is'],
  ['Ingum', 'Ingus', 'dative -um → -us'],
  ['Annas', 'Anna', 'genitive -as → -a'],
  ['Liepas', 'Liepa', 'genitive -as → -a'],
  ['Ilzes', 'Ilze', 'genitive -es → -e'],
  ['Pētera', 'Pēteris', 'genitive -a → -is'],
  ['Ozola', 'Ozols', 'genitive -a → -s'],
  ['Zariņa', 'Zariņš', 'genitive -a → -š'],
  ['Jāņa', 'Jānis', 'genitive with a softened consonant, ņ → n'],
  ['Kārļa', 'Kārlis', 'genitive with a softened consonant, ļ → l'],
  ['Annu', 'Anna', 'accusative -u → -a'],
  ['Zariņu', 'Zariņš', 'accusative -u → -š'],
  ['Ilzi', 'Ilze', 'accusative -i → -e'],
  ['Pēteri', 'Pēteris', 'accusative -i → -is'],
  ['BĒRZIŅAI', 'BĒRZIŅA', 'capitals kept'],
];

describe('latvianNominatives', () => {
  it.each(NOMINATIVES)('%s → %s (%s)', (typed, nominative) => {
    expect(latvianNominatives(typed)).toContain(nominative);
  });

  it.each([
    ['Jāņa', 'Jānis'],
    ['Kārļa', 'Kārlis'],
    ['Annai', 'Anna'],
    ['Bērziņas', 'Bērziņa'],
  ])('%s is read first as %s', (typed, first) => {
    expect(latvianNominatives(typed)[0]).toBe(first);
  });

  it.each(['Megan', 'Bowen', 'Pēteris', 'Zariņš', 'Ai', 'Es', 'x', ''])('%j has no other nominative', (word) => {
    expect(latvianNominatives(word)).toEqual([]);
  });

  it('never answers the word itself, and at most a few', () => {
    for (const word of ['Anna', 'Adam', 'Tomas', 'Liepu', 'Jāņa']) {
      expect(latvianNominatives(word)).not.toContain(word);
      expect(latvianNominatives(word).length).toBeLessThanOrEqual(MAX_NOMINATIVES);
    }
  });
});

describe('latvianNameForms', () => {
  it.each([
    ['Annai Bērziņai', 'Anna Bērziņa'],
    ['Pētera Liepas', 'Pēteris Liepa'],
    ['Līgai Kalniņai', 'Līga Kalniņa'],
    ['Kārlim Zariņam', 'Kārlis Zariņš'],
    ['Jāņa Ozola', 'Jānis Ozols'],
    ['Pēteri Liepu', 'Pēteris Liepa'],
    ['Bērziņai', 'Bērziņa'],
  ])('%s may be %s', (typed, nominative) => {
    const forms = latvianNameForms(typed);
    expect(forms[0]).toBe(typed);
    expect(forms).toContain(nominative);
  });

  it('is bounded however long the name', () => {
    expect(latvianNameForms('Annai Marijai Bērziņai Kalniņai Liepai', 16).length).toBeLessThanOrEqual(16);
  });

  it('keeps a name that is already a nominative as typed', () => {
    expect(latvianNameForms('Megan Bowen')).toEqual(['Megan Bowen']);
  });
});
