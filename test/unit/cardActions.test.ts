/** Card data is input: only the shapes the bot itself puts on its cards are accepted. */
import { parseCardAction } from '../../cards/actions';

const CARD = '8b1f8f0e-4c7b-4c8e-9d2a-1f3e5a7b9c0d';

describe('parseCardAction', () => {
  it.each([
    ['unlock.step', { cardId: CARD, step: 'allowSignIn' }],
    ['unlock.step', { cardId: CARD, step: 'removeInboxRule', itemId: 'AQAAAJ5dZp8=' }],
    ['unlock.confirm', { cardId: CARD, step: 'resetPassword' }],
    ['unlock.cancel', { cardId: CARD }],
    ['unlock.recheck', { cardId: CARD }],
    ['unlock.chooseUser', { choiceId: CARD, index: 2 }],
    ['unlock.hideSecret', { step: 'temporaryAccessPass' }],
  ])('accepts %s %j', (verb, data) => {
    expect(parseCardAction(verb, data)).toEqual({ verb, ...data });
  });

  it.each([
    ['an unknown verb', 'unlock.resetEveryone', {}],
    ['a missing field', 'unlock.step', { cardId: CARD }],
    ['an extra field', 'unlock.step', { cardId: CARD, step: 'allowSignIn', userId: 'someone-else' }],
    ['a forged from', 'unlock.confirm', { cardId: CARD, step: 'allowSignIn', from: { aadObjectId: 'x' } }],
    ['an unknown step', 'unlock.step', { cardId: CARD, step: 'deleteUser' }],
    ['a wrong type', 'unlock.chooseUser', { choiceId: CARD, index: '1' }],
    ['an index out of range', 'unlock.chooseUser', { choiceId: CARD, index: 10 }],
    ['a malformed id', 'unlock.cancel', { cardId: "' or 1 eq 1" }],
    ['oversize data', 'unlock.step', { cardId: CARD, step: 'removeInboxRule', itemId: 'x'.repeat(3000) }],
    ['data that is not an object', 'unlock.cancel', 'cardId'],
    ['no verb', undefined, { cardId: CARD }],
  ])('refuses %s', (_name, verb, data) => {
    expect(parseCardAction(verb, data)).toBeUndefined();
  });
});
