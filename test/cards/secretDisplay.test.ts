/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * What Teams shows of a secret must be exactly the secret. Teams renders `TextBlock` text as
 * Markdown, so `Y*TKFms3G*Um2hiY` would show as "YTKFms3GUm2hiY" with italics and the user would be
 * handed a password that does not work. Here every card that shows a secret is rendered to a DOM by
 * Microsoft's Adaptive Cards renderer with a Markdown processor switched on, as Teams has it, and the
 * visible text of the secret is compared with the secret character by character.
 */
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { secretCard, SECRET_ELEMENT_ID } from '../../cards';
import { STEPS } from '../../src/steps/registry';
import type { StepDefinition } from '../../src/steps/step';
import { generateTemporaryPassword, PASSWORD_ALPHABET } from '../../src/steps/temporaryPassword';
import { Secret } from '../../src/domain/secret';
import { TEAMS_LIGHT_HOST_CONFIG } from '../../scripts/teamsHostConfig';

// jsdom has no `innerText`, which the renderer uses for text it does not run through Markdown;
// its setter in a browser replaces the children with that text, as `textContent` does.
Object.defineProperty(HTMLElement.prototype, 'innerText', {
  configurable: true,
  get(this: HTMLElement) {
    return this.textContent;
  },
  set(this: HTMLElement, value: string) {
    this.textContent = value;
  },
});

const markdown = new MarkdownIt();
AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
  result.outputHtml = markdown.render(text).trimEnd();
  result.didProcess = true;
};

const user = { id: 'u-1', displayName: 'Megan Bowen', userPrincipalName: 'meganb@contoso.com' };

/** Every step that shows a secret: a temporary password, a Temporary Access Pass. */
const SECRET_STEPS = (STEPS as readonly StepDefinition[]).flatMap((step) => (step.kind === 'write' && step.secret ? [{ id: step.id, words: step.secret }] : []));

/** The text a person sees where the card shows the secret, on the card of each step that shows one. */
function visibleSecret(secret: string, step = SECRET_STEPS[0]): string {
  if (!step) throw new Error('no step shows a secret');
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(TEAMS_LIGHT_HOST_CONFIG);
  card.parse(secretCard({ user, secret: new Secret(secret), details: [], step: step.id, words: step.words }, { locale: 'en' }).content);
  card.render();
  const element = card.getElementById(SECRET_ELEMENT_ID);
  if (!element?.renderedElement) {
    throw new Error('the card has no rendered secret element');
  }
  return element.renderedElement.textContent ?? '';
}

describe('a secret on a card is shown exactly', () => {
  it.each([
    ['two asterisks (italics in Markdown)', 'Y*TKFms3G*Um2hiY'],
    ['double asterisks (bold)', 'ab**cd**ef12GH!x'],
    ['underscores', '_abcd_EF12!xyzQW'],
    ['a leading dash (a list item)', '-abcDEF123456789'],
    ['a leading plus (a list item)', '+abcDEF123456789'],
    ['a leading hash (a heading)', '#abcDEF123456789'],
    ['brackets and parentheses (a link)', '[ab](cd)EF12!xyz'],
    ['backticks (code)', 'ab`cd`EF12!xyzQ'],
    ['a leading number and dot (an ordered list)', '1. abcDEF12345!x'],
    ['angle brackets and an ampersand', '<b>&amp;X9!zzzzz'],
    ['a backslash escape', 'ab\\*cd\\*EF12!xy'],
    ['tildes', 'ab~~cd~~EF12!xyz'],
  ])('%s', (_what, secret) => {
    expect(visibleSecret(secret)).toBe(secret);
  });

  it('for 500 generated temporary passwords', () => {
    for (let i = 0; i < 500; i += 1) {
      const password = generateTemporaryPassword();
      expect(visibleSecret(password)).toBe(password);
    }
  });

  it.each(SECRET_STEPS.map((step) => [step.id, step] as const))('on the card of %s', (_id, step) => {
    expect(visibleSecret('Y*TKFms3G*Um2hiY', step)).toBe('Y*TKFms3G*Um2hiY');
  });

  it('for every character the generator can produce', () => {
    expect(visibleSecret(PASSWORD_ALPHABET)).toBe(PASSWORD_ALPHABET);
  });
});
