/**
 * What an operator asks for in their own words, in English or Latvian: who — an address, `Name
 * <address>` as Outlook copies it, a UPN, a first name or surname, with or without diacritics, in
 * whatever case the sentence puts it ("Annai Bērziņai", "Pētera Liepas") — and what: a step ("reset",
 * "atiestati paroli", "revoke", "he is leaving") or a check ("is … locked out", "pārbaudi",
 * "… nevar pieslēgties"). Filler ("please", "lūdzu", "can you", "vai vari") is left out.
 *
 * Like `phrases.ts`, a table of word patterns over normalised text, not language understanding. The
 * person is what is left of the sentence once the words of requests are taken out: the first run of
 * other words, preferring one with a capital letter or the dots of a UPN. Whether the person exists is
 * for the directory to say, which also reads Latvian case endings (`latvianNames.ts`).
 *
 * Whoever writes, the answer is the same; the router decides what an operator gets (the account card)
 * and what anyone else gets (first steps for their own trouble, nothing about the person named).
 */
import { near, normaliseForMatching, words } from './phrases';

export interface OperatorRequest {
  /** Who, as typed ("Annai Bērziņai", "meganb@contoso.com"); absent for "she forgot her password". */
  readonly person?: string;
  /** The step asked for, by its id in the step registry; absent for a check ("unlock", "is … locked out"). */
  readonly step?: string;
}

/** The commands `parseCommand` (src/teams/router.ts) reads; text that starts with one is a command. */
const COMMAND_VERB = /^(?:unlock|check|history|language)\b/;

/** The request is in the first sentences; long messages are cut, so the patterns stay cheap. */
const MAX_LENGTH = 400;

// Word groups, as regular-expression fragments over normalised text (lowercase, no diacritics).
const PASSWORD = 'parol\\w*|pas+w\\w*r?d\\w*|pwd';
const SEND = '(?:no|aiz)?sut\\w*|send\\w*|sent|e ?mails?|mail|e ?past\\w*';

/**
 * The one table that maps words to steps, by the ids the step registry gives them (src/steps/registry.ts;
 * the router checks each id there, and test/unit/operatorRequests.test.ts that every id is known).
 * First match wins: a lost phone wants a Temporary Access Pass before a password; unblocking sending
 * is more specific than allowing sign-in; "reset the password and revoke sessions" highlights the reset.
 */
const STEP_REQUESTS: ReadonlyArray<readonly [step: string, patterns: readonly RegExp[]]> = [
  [
    'temporaryAccessPass',
    [
      words('temporary access pass|tap|pagaidu piekluves \\w+|piekluves caurlaid\\w*'),
      near('lost|new|replaced|pazaud\\w*|jaun\\w*|nomain\\w*', 'phone|mobile|authenticator|telefon\\w*|talrun\\w*|autentifikator\\w*', 2),
    ],
  ],
  [
    'unblockSending',
    [
      near('unblock\\w*|release|atblok\\w*|atlauj\\w*', SEND, 2),
      near('cant|cannot|unable|blocked|restricted|nevar\\w*|netiek|blok\\w*|ierobez\\w*', SEND, 2),
    ],
  ],
  [
    'allowSignIn',
    [
      words('enable (?:\\w+ ){0,3}(?:account|user)|re ?enable|allow (?:\\w+ ){0,3}(?:sign ?in|to sign in)|iespejo\\w*|iesledz\\w* (?:\\w+ )?kont\\w*'),
      near('atlauj\\w*', 'piesl\\w*|pierakst\\w*|ielog\\w*', 2),
    ],
  ],
  [
    'resetPassword',
    [
      // "jāatiestata parole" (the debitive) as well as "atiestati paroli"
      near('reset\\w*|(?:ja)?atiestat\\w*|(?:ja)?nomain\\w*|change|new|jaun\\w*|forgot\\w*|forget|aizmirs\\w*|lost|pazaud\\w*|expired|beidz\\w*', PASSWORD),
      words('reset|atiestati|atiestatit|atiestatiet|jaatiestata'),
    ],
  ],
  [
    'revokeSessions',
    [
      words(
        'revoke\\w*|sessions?|(?:sign|log|kick) (?:\\w+ ){0,3}out (?:of )?(?:everywhere|all|every)\\w*|leaving|left the company|quit|fired|terminated|' +
          '(?:ja)?atsauc\\w*|atsauk\\w*|sesij\\w*|izrakst\\w*|aiziet no darba|aiziet prom|aizgaj\\w*|atlaist\\w*|atbrivot\\w*',
      ),
    ],
  ],
];

/** The step ids the table names, for the test that each is a step the registry knows. */
export const REQUESTABLE_STEPS: readonly string[] = STEP_REQUESTS.map(([step]) => step);

/** Asking for a check: "unlock …", "pārbaudi …", "look at …". Enough on its own ("please unlock"). */
const CHECK = words('check|unlock|unblock|look (?:at|into)|investigate|diagnose|parbaud\\w*|paskat\\w*|apskat\\w*|atblok\\w*');

/** Saying what is wrong: "… is locked out", "… nevar pieslēgties", "… nestrādā". Needs someone it is about. */
const PROBLEM = words(
  'locked|lockout|blocked|disabled|cant|cannot|unable|not working|doesnt work|wont work|trouble|problem\\w*|issue\\w*|wrong|' +
    'nevar\\w*|nespej\\w*|nestrada\\w*|nedarboj\\w*|neiet|netiek|nobloke\\w*|blok\\w*|kluda\\w*|nelaiz\\w*',
);

/** The writer speaks of themselves: "I can't sign in", "nevaru pieslēgties", "man nestrādā". Self-service, not a check. */
const FIRST_PERSON = words('i|im|ive|id|me|myself|es|esmu|nevaru|varu|aizmirsu|nespeju|netieku|man|mani|manis');
/** … and their own things, which only matter when no one else is named ("my password expired"). */
const MY = words('my|mine|mans|mana|manu|manam|manai|mani|manas|savu');
/** Someone else, unnamed: "she forgot her password", "lietotājs nevar pieslēgties", "nevar pieslēgties". */
const SOMEONE_ELSE = words(
  'she|he|they|her|his|him|them|their|shes|hes|theyre|user|colleague|employee|someone|somebody|' +
    'vina|vins|vinam|vinai|vinu|vinas|vini|lietotaj\\w*|koleg\\w*|darbiniek\\w*|kads|kadam|kadai|nevar|aizmirsa|aizmirsusi|aizmirsis|pazaudeja|aiziet|aizgaja',
);

/** Someone else by what they are to the writer, which "my" does not make the writer's own trouble. */
const SOMEONE_ELSE_NAMED = words('colleague|coworker|employee|user|teammate|koleg\\w*|darbiniek\\w*|lietotaj\\w*|darbabiedr\\w*');

/**
 * Words that are not a person in a request, normalised: filler, pronouns, request and problem words,
 * and the things people name alongside (account, password, Outlook). Stems only where no Latvian or
 * English name starts the same way.
 */
const NOT_A_NAME = new RegExp(
  '^(?:' +
    [
      // English filler and grammar
      'please|pls|plz|kindly|can|could|would|will|you|u|hi|hello|hey|thanks|thank|thx|the|a|an|for|of|to|on|at|in|into|from|with|by|as|about|' +
        'and|or|but|so|also|too|just|still|again|now|today|asap|quickly|urgently|urgent|right|away|there|here|this|that|these|those|it|its|' +
        'is|are|was|were|be|been|being|has|have|had|do|does|did|dont|doesnt|didnt|isnt|arent|wasnt|cant|cannot|couldnt|wont|not|no|yes|' +
        'what|whats|why|how|whether|if|need|needs|needed|want|wants|get|gets|got|let|lets|help|out|up|off|all|every|everything|everywhere|any|some|' +
        'i|im|ive|id|me|my|mine|myself|we|us|our|she|he|they|her|his|him|them|their|shes|hes|theyre|someone|somebody',
      // English request and problem words, and what people name alongside
      'check|checks|checked|unlock|unblock|look|looking|investigate|diagnose|reset|resets|revoke|revoked|allow|enable|reenable|release|' +
        'locked|lockedout|lockout|blocked|disabled|restricted|trouble|problem|problems|issue|issues|wrong|working|work|works|' +
        'sign|signin|signed|log|login|logon|logged|kick|leaving|left|leaves|quit|fired|terminated|company|forgot|forgotten|forget|lost|expired|' +
        'new|replaced|change|temporary|access|tap|pass|password|passwords|pwd|session|sessions|device|devices|phone|mobile|authenticator|' +
        'user|users|colleague|colleagues|employee|person|account|accounts|mail|email|emails|mailbox|send|sending|sent|outlook|teams|office|' +
        'windows|computer|laptop|vpn|app|apps|mfa|unable|able|anymore|since|yesterday|morning|again',
      // Latvian filler and grammar
      'ludzu|ludzam|vai|vari|variet|varat|varetu|varbut|butu|jauki|sveiki|labdien|cau|paldies|lai|ka|kas|kam|ko|kura|kurs|kapec|kadel|' +
        'un|ar|uz|no|par|pie|prieks|bet|ari|jau|vel|tagad|sodien|vakar|steidzami|atri|loti|tikai|vairs|nav|ir|bija|tiek|tika|tiks|' +
        'man|mums|tev|jums|vins|vina|vinam|vinai|vinu|vinas|vini|mans|mana|manu|manam|manai|mani|manas|savs|savu|savam|savai|sava|savas|' +
        'es|esmu|kads|kadam|kadai|visas|visu|visus|visam|visi|viss|vajag|vajadzetu|nepieciesams|nepieciesama',
      // Latvian request and problem words, and what people name alongside
      'parbaud\\w*|paskat\\w*|apskat\\w*|atblok\\w*|blok\\w*|nobloke\\w*|atiestat\\w*|atsauc\\w*|atsauk\\w*|ja(?:atiestat|atsauc|atblok|parbauda|iespejo|nomain)\\w*|izrakst\\w*|atlauj\\w*|iespejo\\w*|' +
        'iesledz\\w*|nevar\\w*|var|varu|nespej\\w*|nestrada\\w*|strada\\w*|nedarboj\\w*|darboj\\w*|neiet|iet|netiek|tiek|nelaiz\\w*|' +
        'piesl\\w*|pierakst\\w*|ielog\\w*|ieklu\\w*|piekl\\w*|aizmirs\\w*|pazaud\\w*|aiziet|aizgaj\\w*|atlaist\\w*|atbrivot\\w*|prom|' +
        'problem\\w*|kluda\\w*|ierobez\\w*|kont\\w*|parol\\w*|sesij\\w*|ierice\\w*|ierici|telefon\\w*|talrun\\w*|autentifikator\\w*|' +
        'pagaidu|piekluves|caurlaid\\w*|jauns|jauna|jaunu|jaunas|jaunam|jaunai|nomain\\w*|epast\\w*|pasts|pasta|pastu|sutit|suta|sutu|sutisana|sutisanu|nosut\\w*|' +
        'dator\\w*|darbs|darba|darbu|darbam|lietotaj\\w*|koleg\\w*|darbiniek\\w*|uznemum\\w*|ieksa|vairak',
    ].join('|') +
    ')$',
);

interface Token {
  /** As typed, with a possessive "'s" taken off. */
  readonly text: string;
  readonly capitalised: boolean;
  readonly first: boolean;
}

/** Names, UPNs without their domain ("anna.berzina"), O'Brien; not the punctuation around them. */
const WORD = /[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}.'’_-]*[\p{L}\p{M}\p{N}])?/gu;
/** `Name <address>` as Outlook copies it, or a bare address. */
const ADDRESS = /<\s*(?:mailto:)?([^<>\s]+@[^<>\s]+?)\s*>|[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+/u;
/** A name has at most this many words; a longer run of unknown words is a sentence, cut to its start. */
const MAX_NAME_WORDS = 4;

/**
 * The request an operator's message makes, or undefined: commands ("unlock anna@…") are commands, and a
 * message about the writer themselves ("nevaru pieslēgties", "I forgot my password") is theirs.
 */
export function recogniseOperatorRequest(text: string): OperatorRequest | undefined {
  const sentence = text.slice(0, MAX_LENGTH);
  const normalised = normaliseForMatching(sentence);
  if (normalised === '' || COMMAND_VERB.test(normalised)) {
    return undefined;
  }
  const step = STEP_REQUESTS.find(([, patterns]) => patterns.some((pattern) => pattern.test(normalised)))?.[0];
  const asks = step !== undefined || CHECK.test(normalised);
  const withStep = step ? { step } : {};
  const address = addressIn(sentence);
  if (address) {
    // An address in a message to the helpdesk's bot is who the message is about, verb or not.
    return { person: address, ...withStep };
  }
  const person = nameIn(sentence);
  if (person) {
    // "I need to reset Anna's password" asks; "nevaru pieslēgties datoram" is the writer's own trouble.
    if (asks) return { person, ...withStep };
    return PROBLEM.test(normalised) && !FIRST_PERSON.test(normalised) ? { person } : undefined;
  }
  // "I forgot my password" is the writer's own; "my colleague is leaving, revoke everything" asks a step for someone else.
  if ((FIRST_PERSON.test(normalised) || MY.test(normalised)) && !(step !== undefined && SOMEONE_ELSE_NAMED.test(normalised))) {
    return undefined;
  }
  return asks || (SOMEONE_ELSE.test(normalised) && PROBLEM.test(normalised)) ? withStep : undefined;
}

/**
 * A person named in a command or an answer, with the filler around the name taken off: "Anna Bērziņa,
 * please" → "Anna Bērziņa", "it's meganb@contoso.com" → the address. Anything else comes back as
 * typed, so a query the directory refuses is refused with its reason.
 */
export function personIn(text: string): string {
  const address = addressIn(text);
  if (address) return address;
  const tokens = text.trim().split(/\s+/);
  const isFiller = (token: string | undefined): boolean => {
    const word = normaliseForMatching(token ?? '');
    return word !== '' && !word.includes(' ') && NOT_A_NAME.test(word);
  };
  let start = 0;
  let end = tokens.length;
  while (start < end && isFiller(tokens[start])) start += 1;
  while (end > start && isFiller(tokens[end - 1])) end -= 1;
  const kept = tokens.slice(start, end).join(' ');
  return kept === '' ? text.trim() : kept.replace(/(?<=[\p{L}\p{N}])[.,;:!?]+$/u, '');
}

function addressIn(sentence: string): string | undefined {
  const match = ADDRESS.exec(sentence);
  return match ? (match[1] ?? match[0]) : undefined;
}

/** The first run of words that are not request words, preferring a capitalised one or a UPN. */
function nameIn(sentence: string): string | undefined {
  const runs: Token[][] = [];
  let run: Token[] = [];
  let first = true;
  for (const [word] of sentence.matchAll(WORD)) {
    const text = word.replace(/['’]s$/u, '');
    const normalised = normaliseForMatching(text);
    const name = normalised !== '' && [...normalised].length > 1 && !/^\d+$/.test(normalised) && !NOT_A_NAME.test(normalised);
    if (name) {
      run.push({ text, capitalised: /^\p{Lu}/u.test(text), first });
    } else if (run.length > 0) {
      runs.push(run);
      run = [];
    }
    first = false;
  }
  if (run.length > 0) runs.push(run);
  const score = (candidate: Token[]): number =>
    (candidate.some((token) => token.capitalised && !token.first) ? 2 : 0) +
    (candidate.some((token) => token.capitalised) ? 1 : 0) +
    (candidate.some((token) => /[._\d]/.test(token.text)) ? 3 : 0);
  const best = runs.reduce<Token[] | undefined>((chosen, candidate) => (chosen === undefined || score(candidate) > score(chosen) ? candidate : chosen), undefined);
  return best
    ?.slice(0, MAX_NAME_WORDS)
    .map((token) => token.text)
    .join(' ');
}
