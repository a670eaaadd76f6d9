/** Latvian messages for the keys of `enVerification.ts`: the operator's "Verify the caller" section. */
import type { enVerification } from './enVerification';
import type { LatvianMessages } from './messages';

export const lvVerification = {
  'verify.heading': 'Zvanītāja pārbaude',
  'verify.intro': 'Pirms kaut ko maināt, salīdziniet zvanītāja teikto ar šiem faktiem. Atzvaniet tikai uz numuru no direktorija.',

  'verify.warning.newCountry':
    'Brīdinājums: neveiksmīgas vai riskantas pierakstīšanās no valsts, no kuras šis lietotājs pēdējās 30 dienās nav veiksmīgi pierakstījies: {countries} (parasti: {usual}). Tas var nebūt pats lietotājs.',
  'verify.warning.lookAlike':
    'Brīdinājums: parādāmajā vārdā ir rakstzīmes, kas atdarina citus burtus: {characters}. Šis konts var uzdoties par kādu citu.',
  'verify.warning.mixedScripts': 'Brīdinājums: parādāmajā vārdā ir jauktas rakstības sistēmas ({scripts}).',
  'verify.warning.sharedName': 'Brīdinājums: tāds pats parādāmais vārds ir arī citam lietotājam ({others}). Pārliecinieties, ka runājat ar īsto personu.',
  'verify.warning.newAccount': 'Brīdinājums: šis konts izveidots nesen – {at}.',
  'verify.warning.guest':
    'Brīdinājums: šis ir viesa konts no citas organizācijas. Tā pierakstīšanos un paroli pārvalda šī organizācija; sazinieties ar savu kontaktpersonu tajā.',

  'verify.lookAlike.character': '"{character}" ({script}, izskatās pēc "{latin}")',
  'verify.lookAlike.invisible': 'neredzama rakstzīme ({code})',
  'verify.script.latin': 'latīņu',
  'verify.script.greek': 'grieķu',
  'verify.script.cyrillic': 'kirilica',
  'verify.script.armenian': 'armēņu',
  'verify.script.fullwidth': 'pilna platuma',

  'verify.signIns.title': 'Neveiksmīgas un riskantas pierakstīšanās, pēdējās 24 stundas',
  'verify.signIns.none': 'Pēdējās 24 stundās nav neveiksmīgu vai riskantu pierakstīšanos.',
  'verify.signIns.failed': { zero: '{count} neveiksmīgas', one: '{count} neveiksmīga', other: '{count} neveiksmīgas' },
  'verify.signIns.risky': { zero: '{count} riskantas', one: '{count} riskanta', other: '{count} riskantas' },
  'verify.signIns.lastAt': 'pēdējā {at}',
  'verify.signIns.more': { zero: 'un vēl {count} vietas', one: 'un vēl {count} vieta', other: 'un vēl {count} vietas' },
  'verify.signIns.couldNotRead': 'Pierakstīšanās nevarēja nolasīt.',
  'verify.signIns.earlierNotRead': 'Nevarēja nolasīt pēdējo 30 dienu pierakstīšanās, tāpēc neviena vieta nav atzīmēta kā jauna.',
  'verify.place.newCountry': '{place}: jauna valsts šim lietotājam',
  'verify.place.newCity': '{place}: jauna pilsēta šim lietotājam',
  'verify.place.known': '{place}: no šejienes lietotājs pierakstās',
  'verify.place.noHistory': '{place}: 30 dienās nav veiksmīgu pierakstīšanos, ar ko salīdzināt',
  'verify.place.unknown': '{place}',
  'verify.place.none': 'vieta nav zināma',

  'verify.fact.mobile': 'Mobilais tālrunis',
  'verify.fact.businessPhones': 'Darba tālrunis',
  'verify.fact.manager': 'Vadītājs',
  'verify.fact.department': 'Nodaļa',
  'verify.fact.jobTitle': 'Amats',
  'verify.fact.office': 'Birojs',
  'verify.fact.passwordChanged': 'Parole pēdējoreiz mainīta',
  'verify.fact.created': 'Konts izveidots',
  'verify.fact.usualCountries': 'Pierakstās no (30 dienas)',
  'verify.fact.sameName': 'Tāds pats parādāmais vārds',
  'verify.value.none': 'direktorijā nav norādīts',
  'verify.value.couldNotRead': 'nevarēja nolasīt',
  'verify.value.noOther': 'nav cita lietotāja',
  'verify.value.seeWarning': 'jā, skatiet brīdinājumu augstāk',
  'verify.value.onRecheck': 'vēl nav salīdzināts: izvēlieties "Pārbaudīt vēlreiz", lai salīdzinātu ar citu lietotāju vārdiem',

  'verify.doubt.newCountry': {
    zero: 'Pierakstīšanās no šim lietotājam jaunām valstīm ({countries})',
    one: 'Pierakstīšanās no šim lietotājam jaunas valsts ({countries})',
    other: 'Pierakstīšanās no šim lietotājam jaunām valstīm ({countries})',
  },
  'verify.doubt.lookAlike': 'Parādāmajā vārdā ir rakstzīmes, kas atdarina citus burtus',
  'verify.doubt.newAccount': 'Šis konts izveidots pēdējo 7 dienu laikā',
  'verify.doubt.guest': 'Šis ir viesa konts no citas organizācijas',
  'summary.callerDoubt': '{doubt}: pirms jebkuras atiestatīšanas pārbaudiet zvanītāju, atzvanot uz tālruņa numuru no direktorija. {summary}',
  'card.confirm.callerDoubt': '⚠️ {doubt}: tas var nebūt pats lietotājs. Pirms apstiprināt, pārbaudiet zvanītāju, atzvanot uz tālruņa numuru no direktorija.',
  'card.verify.userInTeamsDoubt':
    'Lūgt lietotājam apstiprināt programmā Teams (Unlock nosūtīs jautājumu). Uz to var atbildēt arī tas, kurš pārņēmis lietotāja sesiju: šoreiz drošāk ir atzvanīt',
  'finding.smartLockout.adviceCallerDoubt':
    'Pierakstīšanās vai konts liek šaubīties, vai zvanītājs ir pats lietotājs: pirms jebkuras atiestatīšanas pārbaudiet zvanītāju, atzvanot uz tālruņa numuru no direktorija. Pēc tam lietotājs var pats atiestatīt paroli, izvēloties "Aizmirsu paroli", un bloķēšana uzreiz beidzas; vai arī jūs atiestatāt paroli lietotāja vietā.',
} as const satisfies LatvianMessages<typeof enVerification>;
