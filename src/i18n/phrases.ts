/**
 * What an end user who writes to the bot in their own words wants, in Latvian or English:
 * "nevaru pieslēgties", "aizmirsu paroli", "e-pasts netiek nosūtīts", "konts bloķēts", "I'm locked out", "help".
 *
 * A small table of word patterns over normalised text, not language understanding: text is lowercased,
 * diacritics are folded (ā → a, š → s), apostrophes and hyphens are dropped ("can't" → "cant",
 * "e-pasts" → "epasts") and other punctuation becomes a space. Word stems ("piesl…", "ielog…") absorb
 * endings and the usual typos.
 *
 * Precedence, first match wins:
 * 1. `cantSendMail`: a blocked sender also says "blocked" and "can't", and the mail check is the specific one;
 * 2. `accountLocked`: "locked" is more specific than "can't sign in" ("konts bloķēts, nevaru ielogoties");
 * 3. `cantSignIn`;
 * 4. `help`: last, so "palīdziet, nevaru pieslēgties" is a sign-in problem, not a request for the help card.
 * Text that starts with a command verb ("unlock anna@…", "check Anna") is a command, never a request.
 */
export type UserRequest = 'cantSignIn' | 'cantSendMail' | 'accountLocked' | 'help';

/** The commands that take an argument (`parseCommand` in dialogs/mainDialog.ts): "unlock anna@…", "check Anna". */
const COMMAND_VERB = /^(?:unlock|check|history|language)\b/;

/** Long messages are cut: the request is in the first sentences, and the patterns stay cheap. */
const MAX_LENGTH = 400;

// Word groups. Alternatives are regular-expression fragments over normalised text (no diacritics).
/** "nevaru", "nevar", "neizdodas", "nesanāk", "netieku", "neiet", "nestrādā", "kļūda"; "can't", "unable", "not". */
const FAILS =
  'ne ?var\\w*|nvaru|nevru|neizd\\w*|nesanak\\w*|nespej\\w*|netiek\\w*|neiet|nelaiz\\w*|nestrada\\w*|nedarboj\\w*|kluda\\w*|' +
  'cant|cannot|can not|cannt|canot|cnat|unable|couldnt|could not|wont|doesnt|does not|dont|not|fail\\w*|error\\w*';
/**
 * "pieslēgties", "ielogoties", "pierakstīties" (reflexive endings only: "pieslēgt printeri", "pieraksts" are
 * something else), "iekļūt", "iekšā", "piekļūt kontam"; "sign in", "log on", "get into".
 */
const SIGN_IN =
  'piesl\\w*(?:ties|tie|tis|os|as)|ie?log\\w*(?:ties|tie|tis|os|as)|pier\\w*kst\\w*(?:ties|tie|tis|os|as)|' +
  'ieklu\\w*|ieiet|ienakt|ieksa|piekl\\w* (?:savam |manam )?kont\\w*|' +
  'sign ?in|sign ?on|sing ?in|log ?in|log ?on|logg?ing|get in|get into|' +
  'access (?:my |the )?(?:account|mailbox|mail|email|teams|outlook|office)';
/** "sūtīt", "nosūtīt", "aizsūtīt"; "send", "sent". */
const SEND = '(?:no|aiz|iz)?sut\\w*|send\\w*|sent';
/** "e-pasts", "e pasts", "vēstule", "meils"; "email", "mail", "Outlook". */
const MAIL = 'e ?past\\w*|pasts|pasta|pastu|pasti|pastus|pastkast\\w*|vestul\\w*|meil\\w*|e ?mail\\w*|mail\\w*|outlook';
/** "atlec", "atgriežas", "neaiziet", "netiek piegādāts"; "bounce", "undeliverable", "not delivered", error 5.1.8. */
const BOUNCES =
  'atlec\\w*|atgriez\\w*|neaiziet|nenonak\\w*|nepiegad\\w*|netiek piegad\\w*|' +
  'bounc\\w*|undeliver\\w*|not (?:be |been )?delivered|5 1 8';
/** "bloķēts", "nobloķēts", "atbloķēt"; "locked", "blocked", "disabled". */
const LOCKED = '(?:at|no|ie)?blok\\w*|slegts|locked|blocked|disabled|suspended';
const ACCOUNT = 'kont\\w*|account\\w*';
/** "esmu bloķēts", "mani nobloķēja"; "I'm locked", "I was blocked". */
const ME = 'esmu|mani|im|i am|ive been|i have been|i was|i got';
/** "aizmirsu", "atiestatīt", "nomainīt"; "forgot", "reset", "new" (password). */
const FORGOT = 'aizmirs\\w*|atiestat\\w*|nomain\\w*|jaun\\w*|forgot\\w*|forget|lost|reset\\w*|new';
const PASSWORD = 'parol\\w*|pas+w\\w*r?d\\w*|pwd';
const PASSWORD_BROKEN = 'nestrada\\w*|nedarboj\\w*|neder|nepareiz\\w*|beidzies|expired|wrong|incorrect|not working|doesnt work';
const HELP = 'help|palidz\\w*|paliga|palig';

/** `a` and `b` as words, in either order, with at most `gap` words between them. */
export function near(a: string, b: string, gap = 3): RegExp {
  const between = `(?: \\S+){0,${gap}} `;
  return new RegExp(`\\b(?:${a})\\b${between}(?:${b})\\b|\\b(?:${b})\\b${between}(?:${a})\\b`);
}

export function words(alternatives: string): RegExp {
  return new RegExp(`\\b(?:${alternatives})\\b`);
}

/** Each phrasing lists patterns that must all match. */
const PHRASINGS: ReadonlyArray<readonly [UserRequest, readonly RegExp[]]> = [
  ['cantSendMail', [near(FAILS, SEND), words(MAIL)]], // "nevaru nosūtīt e-pastu", "e-pasts netiek nosūtīts", "can't send email"
  ['cantSendMail', [near(LOCKED, SEND)]], // "bloķēta sūtīšana", "blocked from sending"
  ['cantSendMail', [near(MAIL, BOUNCES)]], // "e-pasti atgriežas", "my emails bounce"
  ['cantSendMail', [words('bounc\\w*|undeliver\\w*')]], // "my messages bounce"
  ['accountLocked', [near(ACCOUNT, LOCKED)]], // "konts bloķēts", "mans konts ir nobloķēts", "account locked"
  ['accountLocked', [near(ME, LOCKED, 1)]], // "esmu bloķēts", "I'm locked"
  ['accountLocked', [words('locked (?:\\w+ )?out|lock ?out|lockedout')]], // "I'm locked out", "it locked me out"
  ['cantSignIn', [near(FAILS, SIGN_IN)]], // "nevaru pieslēgties", "neiet iekšā kontā", "cannot log in"
  ['cantSignIn', [near(FORGOT, PASSWORD)]], // "aizmirsu paroli", "forgot my password", "reset my password"
  ['cantSignIn', [near(PASSWORD, PASSWORD_BROKEN)]], // "parole nedarbojas", "password expired"
  ['help', [words(HELP)]], // "palīdzība", "palīgā", "help me"
];

/** The request an end user's message makes, or `undefined` for anything else (commands included). */
export function recogniseRequest(text: string): UserRequest | undefined {
  const normalised = normaliseForMatching(text.slice(0, MAX_LENGTH));
  if (normalised === '' || COMMAND_VERB.test(normalised)) {
    return undefined;
  }
  return PHRASINGS.find(([, patterns]) => patterns.every((pattern) => pattern.test(normalised)))?.[0];
}

/** Chat that is not a request: a greeting or thanks, answered with a word and what Unlock can do. */
export type SmallTalk = 'greeting' | 'thanks';

const SMALL_TALK: ReadonlyArray<readonly [SmallTalk, RegExp]> = [
  ['thanks', /^(?:(?:many |liels |milzigs )?(?:thanks|thank you|thank u|thx|ty|cheers|paldies|paldies liels))\b/],
  ['greeting', /^(?:hi|hello|hey|hiya|howdy|good (?:morning|afternoon|evening|day)|sveiki|sveiks|sveika|labdien|labrit|labvakar|cau|hallo|halo)\b/],
];

/**
 * "hi", "hello!", "sveiki", "labdien", "thanks", "paldies!": a message that opens with a greeting or
 * thanks. Ask after the requests: "labdien, nevaru pieslēgties" is a request that opens politely.
 */
export function recogniseSmallTalk(text: string): SmallTalk | undefined {
  const normalised = normaliseForMatching(text.slice(0, MAX_LENGTH));
  return SMALL_TALK.find(([, pattern]) => pattern.test(normalised))?.[0];
}

/** Lowercase, no diacritics, no apostrophes or hyphens, single spaces between words. */
export function normaliseForMatching(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´-]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** An operator's words about help requests (choosing the channel they go to, or listing them) and alerts. */
export type HelpdeskCommand = 'useChannelForRequests' | 'listRequests' | 'useChannelForAlerts';

const HELPDESK_COMMANDS: ReadonlyArray<readonly [HelpdeskCommand, RegExp]> = [
  // "use this channel for help requests", "izmanto šo kanālu palīdzības pieprasījumiem"
  ['useChannelForRequests', /^(?:please )?use (?:this|the) channel for (?:help )?requests(?: please)?$/],
  ['useChannelForRequests', /^(?:ludzu )?izmanto(?:t|jiet)? (?:so|sis) kanal\w* (?:palidzibas )?pieprasijum\w*$/],
  // "use this channel for alerts", "izmanto šo kanālu brīdinājumiem"
  ['useChannelForAlerts', /^(?:please )?use (?:this|the) channel for (?:helpdesk |security )?alerts(?: please)?$/],
  ['useChannelForAlerts', /^(?:ludzu )?izmanto(?:t|jiet)? (?:so|sis) kanal\w* (?:drosibas )?bridinajum\w*$/],
  // "requests", "help requests", "pieprasījumi", "palīdzības pieprasījumi"
  ['listRequests', /^(?:help )?requests$/],
  ['listRequests', /^(?:palidzibas )?pieprasijumi$/],
];

export function recogniseHelpdeskCommand(text: string): HelpdeskCommand | undefined {
  const normalised = normaliseForMatching(text.slice(0, MAX_LENGTH));
  return HELPDESK_COMMANDS.find(([, pattern]) => pattern.test(normalised))?.[0];
}

/**
 * "my colleague Anna Bērziņa can't sign in", "mana kolēģe Anna nevar pieslēgties": someone asking on
 * another person's behalf, with the name as they wrote it (or none). Read from the text as written,
 * so the name keeps its letters; the trouble words follow the name.
 */
const ON_BEHALF: readonly RegExp[] = [
  /\bmy\s+(?:colleague|co-?worker|teammate|team\s+mate)\b[\s,:]*(.*?)[\s,]*\b(?:can['’]?t|cannot|can\s+not|is\s+unable|isn['’]?t\s+able|is\s+not\s+able|is\s+locked|got\s+locked|has\s+been\s+locked|is\s+blocked)\b/isu,
  /(?:^|\s)(?:mans|mana|manam|manai|mūsu|musu)\s+(?:kol[eē][gģ]\p{L}*|darbabiedr\p{L}*)[\s,:]*(.*?)[\s,]*(?:ne\s?var\p{L}*|neizdodas|nesanāk\p{L}*|nesanak\p{L}*|netiek|nespēj\p{L}*|ir\s+(?:no)?bloķēt\p{L}*|ir\s+(?:no)?bloket\p{L}*)(?=$|[\s.,!?])/isu,
];

/** The longest colleague name kept; anything longer is not a name. */
const MAX_NAME_LENGTH = 80;

export function recogniseColleagueRequest(text: string): { readonly colleague?: string } | undefined {
  const sample = text.slice(0, MAX_LENGTH);
  for (const pattern of ON_BEHALF) {
    const match = pattern.exec(sample);
    if (match) {
      const name = (match[1] ?? '').replace(/^[\s"'“”„]+|[\s"'“”„.,;:!?]+$/gu, '');
      return name !== '' && name.length <= MAX_NAME_LENGTH ? { colleague: name } : {};
    }
  }
  return undefined;
}

/**
 * "withdraw my request", "cancel my help request", "atsaukt manu pieprasījumu", "atsaucu pieprasījumu":
 * the asker takes back their latest help request. Read over normalised text (no diacritics).
 */
const WITHDRAW_REQUEST: readonly RegExp[] = [
  /^(?:please )?(?:withdraw|cancel|take back|retract) (?:my |the )?(?:help )?request(?: please)?$/,
  /^(?:ludzu )?(?:atsau[ck]\w*|atcel\w*) (?:manu |savu |mano )?(?:palidzibas )?pieprasijum\w*$/,
];

export function recogniseWithdrawRequest(text: string): boolean {
  const normalised = normaliseForMatching(text.slice(0, MAX_LENGTH));
  return WITHDRAW_REQUEST.some((pattern) => pattern.test(normalised));
}
