/**
 * Latvian names change their ending with their grammatical case, and a request puts a name in the case
 * its sentence needs: "atiestati paroli Annai Bērziņai" (dative of Anna Bērziņa), "pārbaudi Pētera Liepas
 * kontu" (genitive of Pēteris Liepa), "Kārlim Zariņam nestrādā" (dative of Kārlis Zariņš). The directory
 * holds names in the nominative, so a word typed in a sentence is searched as the nominatives it may
 * come from. This is a table of endings, not a grammar: it over-generates ("Anna" may be the genitive of
 * "Anns"), which costs a search clause and finds nobody, and it never drops the word as typed, so
 * foreign names ("Adam", "Tomas") are still found.
 * https://valoda.lv/ (declensions: https://en.wikipedia.org/wiki/Latvian_declension)
 */

/**
 * Oblique endings and the nominative endings they may come from, longest ending first. Both spellings of
 * an ending are listed: with diacritics and folded to ASCII, as people type names either way.
 */
const ENDINGS: ReadonlyArray<readonly [ending: string, nominatives: readonly string[]]> = [
  ['ai', ['a']], // dative, feminine -a: Annai → Anna, Bērziņai → Bērziņa
  ['ei', ['e']], // dative, -e: Ilzei → Ilze
  ['am', ['s', 'š', 'a']], // dative, masculine: Ozolam → Ozols, Zariņam → Zariņš, Liepam → Liepa
  ['im', ['is']], // dative, masculine -is: Pēterim → Pēteris, Jānim → Jānis
  ['um', ['us']], // dative, masculine -us: Ingum → Ingus
  ['as', ['a']], // genitive, -a: Annas → Anna, Liepas → Liepa
  ['es', ['e']], // genitive, -e: Ilzes → Ilze
  ['a', ['s', 'is', 'š']], // genitive, masculine: Ozola → Ozols, Pētera → Pēteris, Zariņa → Zariņš
  ['u', ['a', 's', 'š', 'us']], // accusative: Annu → Anna, Ozolu → Ozols, Zariņu → Zariņš, Ingu → Ingus
  ['i', ['e', 'is']], // accusative: Ilzi → Ilze, Pēteri → Pēteris
];

/**
 * Masculine -is names soften their last consonant in the genitive: Jānis → Jāņa, Kārlis → Kārļa,
 * Ancis → Anča. Read back: a genitive ending in one of these letters may come from the hard one.
 */
const SOFTENED: Readonly<Record<string, string>> = { ņ: 'n', ļ: 'l', č: 'c', š: 's', ž: 'z' };

/** A stem shorter than this is not a name ("Ai", "Es"). */
const MIN_STEM = 2;

/** At most this many nominatives per word, most likely first. */
export const MAX_NOMINATIVES = 4;

/**
 * The nominatives a Latvian name word typed in any case may come from, without the word itself:
 * "Annai" → ["Anna"], "Pētera" → ["Pēters", "Pēteris", "Pēterš"], "Jāņa" → ["Jānis", "Jāņs", "Jāņis", "Jāņš"].
 * The case of the word's letters is kept; an unknown ending gives none.
 */
export function latvianNominatives(word: string): string[] {
  const lower = word.toLowerCase();
  const found = new Set<string>();
  for (const [ending, nominatives] of ENDINGS) {
    if (!lower.endsWith(ending) || lower.length - ending.length < MIN_STEM) continue;
    const stem = word.slice(0, word.length - ending.length);
    const last = stem.slice(-1);
    const hard = SOFTENED[last.toLowerCase()];
    if (ending === 'a' && hard) {
      // Jāņa → Jānis first: the softened genitive is the usual reason a name ends in -ņa/-ļa.
      found.add(stem.slice(0, -1) + matchCase(hard, last) + matchCase('is', word));
    }
    for (const nominative of nominatives) {
      found.add(stem + matchCase(nominative, word));
    }
    // The longest ending that fits decides: "Annai" is never read as "Anna" + "i".
    break;
  }
  found.delete(word);
  return [...found].slice(0, MAX_NOMINATIVES);
}

/** "Bērziņai" gives "Bērziņa"; "BĒRZIŅAI" gives "BĒRZIŅA". */
function matchCase(ending: string, like: string): string {
  return like === like.toUpperCase() && like !== like.toLowerCase() ? ending.toUpperCase() : ending;
}

/**
 * The names a typed name may stand for, as typed first: each word as typed or as one of its
 * nominatives, at most `limit` combinations. "Annai Bērziņai" → ["Annai Bērziņai", "Annai Bērziņa",
 * "Anna Bērziņai", "Anna Bērziņa"].
 */
export function latvianNameForms(name: string, limit = 16): string[] {
  let forms = [''];
  for (const word of name.split(' ').filter((part) => part !== '')) {
    const choices = [word, ...latvianNominatives(word)];
    forms = forms.flatMap((prefix) => choices.map((choice) => (prefix ? `${prefix} ${choice}` : choice))).slice(0, limit);
  }
  return forms.filter((form) => form !== '');
}
