/**
 * Operators' own words, in English and Latvian: who the request is about and which step it asks for.
 * The person is what the directory is asked for; it reads Latvian case endings itself.
 */
import { personIn, recogniseOperatorRequest, REQUESTABLE_STEPS, type OperatorRequest } from '../../src/i18n/operatorRequests';
import { stepDefinition } from '../../src/steps/registry';

const RECOGNISED: ReadonlyArray<readonly [string, OperatorRequest]> = [
  // English: a check
  ['is Megan locked out?', { person: 'Megan' }],
  ['Is meganb@contoso.com locked out', { person: 'meganb@contoso.com' }],
  ['can you unlock anna.berzina please', { person: 'anna.berzina' }],
  ['please unlock Anna Bērziņa', { person: 'Anna Bērziņa' }],
  ['Could you check Anna Berzina for me?', { person: 'Anna Berzina' }],
  ["what's wrong with Līga Kalniņa's account", { person: 'Līga Kalniņa' }],
  ['Megan Bowen cannot sign in', { person: 'Megan Bowen' }],
  ['unblock Adele', { person: 'Adele' }],
  ['meganb@contoso.com', { person: 'meganb@contoso.com' }],
  ['Megan Bowen <meganb@contoso.com>', { person: 'meganb@contoso.com' }],
  ['Megan Bowen <meganb@contoso.com> can’t get into Teams', { person: 'meganb@contoso.com' }],
  ['Berzinsh is locked out', { person: 'Berzinsh' }],
  ['hi, can you look at peteris.liepa@contoso.com?', { person: 'peteris.liepa@contoso.com' }],
  // English: a step
  ['reset the password for Megan Bowen', { person: 'Megan Bowen', step: 'resetPassword' }],
  ["please reset Megan Bowen's password", { person: 'Megan Bowen', step: 'resetPassword' }],
  ['I need to reset Anna’s password', { person: 'Anna', step: 'resetPassword' }],
  ['Anna Bērziņa forgot her password', { person: 'Anna Bērziņa', step: 'resetPassword' }],
  ['she forgot her password', { step: 'resetPassword' }],
  ['reset password', { step: 'resetPassword' }],
  ['he is leaving, revoke everything', { step: 'revokeSessions' }],
  ['Pēteris Liepa is leaving today, revoke his sessions', { person: 'Pēteris Liepa', step: 'revokeSessions' }],
  ['sign Lee Gu out everywhere', { person: 'Lee Gu', step: 'revokeSessions' }],
  ['Adele Vance cannot send email', { person: 'Adele Vance', step: 'unblockSending' }],
  ['unblock sending for adelev@contoso.com', { person: 'adelev@contoso.com', step: 'unblockSending' }],
  ['enable Līga Kalniņa account', { person: 'Līga Kalniņa', step: 'allowSignIn' }],
  ['Nestor lost his phone', { person: 'Nestor', step: 'temporaryAccessPass' }],
  ['give nestorw@contoso.com a temporary access pass', { person: 'nestorw@contoso.com', step: 'temporaryAccessPass' }],
  // Latvian: a check, names in any case
  ['pārbaudi Pētera Liepas kontu', { person: 'Pētera Liepas' }],
  ['Līgai Kalniņai nestrādā', { person: 'Līgai Kalniņai' }],
  ['Anna Bērziņa nevar pieslēgties', { person: 'Anna Bērziņa' }],
  ['lūdzu, atbloķē Annu Bērziņu', { person: 'Annu Bērziņu' }],
  ['vai vari paskatīties Kārļa Zariņa kontu?', { person: 'Kārļa Zariņa' }],
  ['Vai Anna Bērziņa ir bloķēta?', { person: 'Anna Bērziņa' }],
  ['anna nevar pieslēgties datoram', { person: 'anna' }],
  ['lietotājs nevar pieslēgties', {}],
  ['lūdzu pārbaudi', {}],
  // Latvian: a step
  ['atiestati paroli Annai Bērziņai', { person: 'Annai Bērziņai', step: 'resetPassword' }],
  ['lūdzu atiestatiet paroli Bērziņai', { person: 'Bērziņai', step: 'resetPassword' }],
  ['Anna Bērziņa aizmirsa paroli', { person: 'Anna Bērziņa', step: 'resetPassword' }],
  ['Annai Bērziņai vajag jaunu paroli', { person: 'Annai Bērziņai', step: 'resetPassword' }],
  ['viņa aizmirsa paroli', { step: 'resetPassword' }],
  ['Jānis aiziet no darba, atsauc visas sesijas', { person: 'Jānis', step: 'revokeSessions' }],
  ['atsauc sesijas Pēterim Liepam', { person: 'Pēterim Liepam', step: 'revokeSessions' }],
  ['Adelei Vancei nevar nosūtīt e-pastu', { person: 'Adelei Vancei', step: 'unblockSending' }],
  ['atbloķē e-pasta sūtīšanu Adelei', { person: 'Adelei', step: 'unblockSending' }],
  ['Nestors pazaudēja telefonu', { person: 'Nestors', step: 'temporaryAccessPass' }],
];

const NOT_OPERATOR_REQUESTS: readonly string[] = [
  // Commands are parsed as commands.
  'unlock anna@contoso.com',
  'check Anna',
  'history anna@contoso.com',
  'language lv',
  // The writer's own trouble: self-service, even from an operator.
  'nevaru pieslēgties',
  'nevaru pieslēgties datoram',
  'aizmirsu paroli',
  'I forgot my password',
  'please reset my password',
  'my password expired',
  "I can't sign in",
  'man nestrādā Outlook',
  'mans konts ir bloķēts',
  "I'm locked out",
  // Chat.
  '',
  '   ',
  'hello',
  'thanks, I can sign in now',
  'Paldies, tagad varu pieslēgties',
  'labdien',
  'Anna Bērziņa',
  'the meeting is at 10',
  'where is the helpdesk',
  'I did not get the report',
  'I do not have access to the shared folder',
  'nevaru atvērt failu',
  'lock screen',
  'mailbox full',
];

describe('recogniseOperatorRequest', () => {
  it.each(RECOGNISED)('%j → %j', (text, request) => {
    expect(recogniseOperatorRequest(text)).toEqual(request);
  });

  it.each(NOT_OPERATOR_REQUESTS)('%j → undefined', (text) => {
    expect(recogniseOperatorRequest(text)).toBeUndefined();
  });

  it('reads only the start of a very long message', () => {
    expect(recogniseOperatorRequest(`reset the password for Megan Bowen ${'and more '.repeat(10_000)}`)).toMatchObject({ step: 'resetPassword' });
  });

  it('names only steps the registry knows', () => {
    expect(REQUESTABLE_STEPS.filter((step) => stepDefinition(step) === undefined)).toEqual([]);
  });
});

describe('personIn (a command argument or an answer to "which user?")', () => {
  it.each([
    ['Anna Bērziņa, please', 'Anna Bērziņa'],
    ['anna please', 'anna'],
    ['lūdzu Annai Bērziņai', 'Annai Bērziņai'],
    ["it's meganb@contoso.com", 'meganb@contoso.com'],
    ['Megan Bowen <meganb@contoso.com>', 'meganb@contoso.com'],
    ['Megan Bowen?', 'Megan Bowen'],
    // What the directory should refuse or search as typed is kept as typed.
    ["' or 1 eq 1", "' or 1 eq 1"],
    ['a")(b', 'a")(b'],
    ['Berzina', 'Berzina'],
    ['please', 'please'],
  ])('%j → %j', (typed, person) => {
    expect(personIn(typed)).toBe(person);
  });
});
