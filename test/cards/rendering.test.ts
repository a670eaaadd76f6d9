/**
 * Every card the bot can send, in every language, parsed by the official Adaptive Cards renderer
 * as a 1.5 card: no parse or validation events, nothing left untranslated or unexpanded, and every
 * button sends data the bot itself accepts. The samples are the ones `npm run screenshots` pictures.
 */
import { cardSamples, SAMPLE_LOCALES } from '../fixtures/cardSamples';
import { STEP_IDS } from '../../src/steps/registry';
import { cardProblems } from './cardProblems';

const samples = cardSamples();

describe('card samples', () => {
  it('cover every card builder, every remediation step and every language', () => {
    const names = new Set(samples.map((sample) => sample.name));
    const expected = [
      'findings-signInBlocked',
      'findings-signInBlocked-done',
      'choice',
      ...STEP_IDS.map((id) => `confirm-${id}`),
      'password',
      'password-hidden',
      'help',
      'guidance-compromisedChecklist',
      'guidance-handOver',
    ];
    expect(expected.filter((name) => !names.has(name))).toEqual([]);
    for (const locale of SAMPLE_LOCALES) {
      expect(samples.filter((sample) => sample.locale === locale)).toHaveLength(names.size);
    }
  });
});

describe.each(SAMPLE_LOCALES)('every card renders cleanly (%s)', (locale) => {
  it.each(samples.filter((sample) => sample.locale === locale).map((sample) => [sample.name, sample.card] as const))('%s', (_name, card) => {
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the checks find what they look for', () => {
  const card = (body: unknown[], actions: unknown[] = []): Record<string, unknown> => ({ type: 'AdaptiveCard', version: '1.5', body, actions });

  it.each([
    ['an unknown element', card([{ type: 'TextBlok', text: 'x' }]), /parse: UnknownElementType/],
    ['an invalid property value', card([{ type: 'TextBlock', text: 'x', size: 'Gigantic' }]), /parse: InvalidPropertyValue/],
    ['an unexpanded expression', card([{ type: 'TextBlock', text: '${heading}' }]), /unexpanded/],
    ['a raw catalogue key', card([{ type: 'TextBlock', text: 'finding.signInBlocked.title' }]), /raw catalogue key "finding.signInBlocked.title"/],
    ['an unfilled placeholder', card([{ type: 'TextBlock', text: 'Checking {name}' }]), /unfilled placeholder/],
    ['an action without a title', card([], [{ type: 'Action.Execute', verb: 'unlock.hideSecret', data: { step: 'resetPassword' } }]), /without a title/],
    ['data the bot refuses', card([], [{ type: 'Action.Execute', title: 'Go', verb: 'unlock.step', data: { cardId: 'x', step: 'allowSignIn' } }]), /parseCardAction refuses/],
    ['an image without altText', card([{ type: 'Image', url: 'https://example.com/a.png' }]), /without altText/],
    ['another version', { ...card([{ type: 'TextBlock', text: 'x' }]), version: '1.6' }, /version is 1.6/],
  ])('%s', (_what, badCard, problem) => {
    expect(cardProblems(badCard)).toContainEqual(expect.stringMatching(problem));
  });
});
