import { recogniseColleagueRequest, recogniseHelpdeskCommand, recogniseWithdrawRequest } from '../../src/i18n/phrases';

describe('help-request words', () => {
  it.each([
    ["my colleague Anna Bērziņa can't sign in", { colleague: 'Anna Bērziņa' }],
    ['My coworker cannot log in', {}],
    ['my colleague, Megan Bowen, is locked out', { colleague: 'Megan Bowen' }],
    ['mana kolēģe Anna Bērziņa nevar pieslēgties', { colleague: 'Anna Bērziņa' }],
    ['manam kolēģim Jānim Ozolam nesanāk ielogoties', { colleague: 'Jānim Ozolam' }],
    ['mans kolēģis ir bloķēts', {}],
  ])('"%s" asks on someone else\'s behalf', (sentence, expected) => {
    expect(recogniseColleagueRequest(sentence)).toEqual(expected);
  });

  it.each(["I can't sign in", 'nevaru pieslēgties', 'my colleague is on holiday'])('"%s" is not on someone else\'s behalf', (sentence) => {
    expect(recogniseColleagueRequest(sentence)).toBeUndefined();
  });

  it.each([
    ['use this channel for help requests', 'useChannelForRequests'],
    ['Use this channel for help requests.', 'useChannelForRequests'],
    ['izmanto šo kanālu palīdzības pieprasījumiem', 'useChannelForRequests'],
    ['Izmantojiet šo kanālu palīdzības pieprasījumiem', 'useChannelForRequests'],
    ['requests', 'listRequests'],
    ['pieprasījumi', 'listRequests'],
    ['use this channel', undefined],
    ['my requests were ignored', undefined],
  ])('"%s" is %s', (sentence, expected) => {
    expect(recogniseHelpdeskCommand(sentence)).toBe(expected);
  });

  it.each([
    ['withdraw my request', true],
    ['Cancel my help request, please', true],
    ['take back my request', true],
    ['atsaukt manu pieprasījumu', true],
    ['Lūdzu, atceliet manu palīdzības pieprasījumu', true],
    ['atsaucu pieprasījumu', true],
    ['withdraw', false],
    ['cancel', false],
    ['my request was withdrawn?', false],
    ['atsaukt paroli', false],
  ])('"%s" withdraws the asker\'s request: %s', (sentence, expected) => {
    expect(recogniseWithdrawRequest(sentence)).toBe(expected);
  });
});
