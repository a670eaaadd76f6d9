/** End users' own words, in Latvian and English, recognised as one of the requests the bot serves. */
import { normaliseForMatching, recogniseRequest, recogniseSmallTalk, type SmallTalk, type UserRequest } from '../../src/i18n/phrases';

const RECOGNISED: ReadonlyArray<readonly [string, UserRequest]> = [
  // Latvian: sign-in
  ['nevaru pieslēgties', 'cantSignIn'],
  ['Nevaru pieslēgties!!!', 'cantSignIn'],
  ['nevaru pieslegties', 'cantSignIn'],
  ['NEVARU PIESLĒGTIES', 'cantSignIn'],
  ['nevaru   pieslegtis', 'cantSignIn'],
  ['nevaru vairs pieslēgties Teams', 'cantSignIn'],
  ['nevaru ielogoties', 'cantSignIn'],
  ['nevaru ielogoties outlook', 'cantSignIn'],
  ['nevaru ilogoties', 'cantSignIn'],
  ['nevaru pierakstīties', 'cantSignIn'],
  ['nevaru pierakstities', 'cantSignIn'],
  ['pieslēgties nevaru', 'cantSignIn'],
  ['neiet iekšā kontā', 'cantSignIn'],
  ['neiet ieksa konta', 'cantSignIn'],
  ['netieku iekšā', 'cantSignIn'],
  ['nevaru iekļūt kontā', 'cantSignIn'],
  ['nevaru piekļūt savam kontam', 'cantSignIn'],
  ['kļūda pieslēdzoties', 'cantSignIn'],
  ['aizmirsu paroli', 'cantSignIn'],
  ['nevaru ienākt kontā', 'cantSignIn'],
  ['lūdzu, atiestatiet manu paroli', 'cantSignIn'],
  ['vajag jaunu paroli', 'cantSignIn'],
  ['Aizmirsu savu paroli :(', 'cantSignIn'],
  ['parole nedarbojas', 'cantSignIn'],
  ['labdien, nevaru pieslēgties datoram, lūdzu palīdziet', 'cantSignIn'],
  // Latvian: sending mail
  ['nevaru nosūtīt e-pastu', 'cantSendMail'],
  ['nevaru nosutit epastu', 'cantSendMail'],
  ['nevaru sūtīt epastus', 'cantSendMail'],
  ['nevaru sūtīt e pastus', 'cantSendMail'],
  ['e-pasts netiek nosūtīts', 'cantSendMail'],
  ['e-pasti netiek nosūtīti', 'cantSendMail'],
  ['vēstules atgriežas atpakaļ', 'cantSendMail'],
  ['man ir bloķēta e-pasta sūtīšana', 'cantSendMail'],
  // Latvian: locked
  ['konts bloķēts', 'accountLocked'],
  ['mans konts ir bloķēts', 'accountLocked'],
  ['Mans konts ir bloķēts!', 'accountLocked'],
  ['konts nobloķēts', 'accountLocked'],
  ['mans konts nobloķējās', 'accountLocked'],
  ['bloķēts konts', 'accountLocked'],
  ['esmu bloķēts', 'accountLocked'],
  ['lūdzu atbloķējiet manu kontu', 'accountLocked'],
  ['konts bloķēts, nevaru ielogoties', 'accountLocked'],
  // Latvian: help
  ['palīdzība', 'help'],
  ['Palīdzību!', 'help'],
  ['palīgā', 'help'],
  ['paliga', 'help'],
  ['lūdzu, palīdziet', 'help'],
  // English
  ["I can't sign in", 'cantSignIn'],
  ['I can’t sign in', 'cantSignIn'],
  ['i cant sign in', 'cantSignIn'],
  ['I cannot sign in to Teams', 'cantSignIn'],
  ['cannot log in', 'cantSignIn'],
  ["can't login", 'cantSignIn'],
  ['Unable to log on', 'cantSignIn'],
  ['cant sing in', 'cantSignIn'],
  ["I can't access my account", 'cantSignIn'],
  ['sign-in fails', 'cantSignIn'],
  ['forgot my password', 'cantSignIn'],
  ['I forgot my pasword', 'cantSignIn'],
  ['my password expired', 'cantSignIn'],
  ['please reset my password', 'cantSignIn'],
  ['Sign in error 50126', 'cantSignIn'],
  ["can't send email", 'cantSendMail'],
  ['I cannot send e-mails', 'cantSendMail'],
  ['my emails are not being sent', 'cantSendMail'],
  ['my emails bounce', 'cantSendMail'],
  ['the email could not be delivered', 'cantSendMail'],
  ['e-pasts netiek piegādāts', 'cantSendMail'],
  ['all my mails bounce back', 'cantSendMail'],
  ["I'm blocked from sending email", 'cantSendMail'],
  ['account locked', 'accountLocked'],
  ['My account is locked!', 'accountLocked'],
  ["I'm locked out", 'accountLocked'],
  ['Im locked out of my account', 'accountLocked'],
  ['my account has been blocked', 'accountLocked'],
  ['help', 'help'],
  ['Help!', 'help'],
  ['help me', 'help'],
  ['can you help me please', 'help'],
];

const NOT_REQUESTS: readonly string[] = [
  // Commands are parsed as commands, never as requests.
  'unlock anna@contoso.com',
  'unlock',
  'Unlock Anna Bērziņa',
  'check Anna',
  'check anna@contoso.com locked out',
  'history anna@contoso.com',
  'language lv',
  'cancel',
  // Ordinary chat.
  '',
  '   ',
  'anna@contoso.com',
  'Anna Bērziņa',
  'hello',
  'thanks, I can sign in now',
  'Paldies, tagad varu pieslēgties',
  'labdien',
  'paldies',
  'nevaru pieslēgt printeri',
  'nevaru atrast pierakstu',
  'kā iestatīt parakstu e-pastā?',
  'the meeting is at 10',
  'where is the helpdesk',
  'I did not get the report',
  'lietotājs vairs nepastāv',
  'in the past week',
  'I do not have access to the shared folder',
  'nevaru atvērt failu',
  'nevaru atrast kontaktu',
  'mailbox full',
  'lock screen',
];

describe('recogniseRequest', () => {
  it.each(RECOGNISED)('%j → %s', (text, request) => {
    expect(recogniseRequest(text)).toBe(request);
  });

  it.each(NOT_REQUESTS)('%j → undefined', (text) => {
    expect(recogniseRequest(text)).toBeUndefined();
  });

  it('recognises a request at the start of a very long message', () => {
    expect(recogniseRequest(`nevaru pieslēgties ${'un vēl '.repeat(10_000)}`)).toBe('cantSignIn');
  });
});

describe('normaliseForMatching', () => {
  it.each([
    ['Nevaru PIESLĒGTIES!!', 'nevaru pieslegties'],
    ['  ģērbtuve  ķēķis ļoti ņem čūska žāvēt  ', 'gerbtuve kekis loti nem cuska zavet'],
    ["I can't sign-in", 'i cant signin'],
    ['e-pasts, e-pasti.', 'epasts epasti'],
  ])('%j → %j', (text, normalised) => {
    expect(normaliseForMatching(text)).toBe(normalised);
  });
});

describe('recogniseSmallTalk', () => {
  it.each<readonly [string, SmallTalk | undefined]>([
    ['hi', 'greeting'],
    ['Hello!', 'greeting'],
    ['hey there', 'greeting'],
    ['Good morning', 'greeting'],
    ['sveiki', 'greeting'],
    ['Sveiks!', 'greeting'],
    ['labdien', 'greeting'],
    ['Labrīt!', 'greeting'],
    ['čau', 'greeting'],
    ['thanks', 'thanks'],
    ['Thank you!', 'thanks'],
    ['thx', 'thanks'],
    ['thanks, I can sign in now', 'thanks'],
    ['paldies', 'thanks'],
    ['Liels paldies!', 'thanks'],
    ['Paldies, tagad varu pieslēgties', 'thanks'],
    ['history anna@contoso.com', undefined],
    ['this is fine', undefined],
    ['highlight', undefined],
    ['thanksgiving plans', undefined],
    ['', undefined],
  ])('%j → %s', (text, expected) => {
    expect(recogniseSmallTalk(text)).toBe(expected);
  });
});
