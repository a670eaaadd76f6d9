/**
 * Latvian messages for the keys of `en.ts`: findings, sign-in errors, steps. Terms follow the Latvian
 * Microsoft 365 and Microsoft Entra admin centers ("pierakstīšanās", "Atiestatīt paroli", "kārtula",
 * "drošības informācija", "nosacītā piekļuve").
 */
import type { LatvianMessages } from './messages';
import type { en } from './en';

export const lv = {
  // ── Findings ─────────────────────────────────────────────────────────────────────────────────
  'finding.signInBlocked.title': 'Šim kontam ir bloķēta pierakstīšanās',
  'finding.signInBlocked.cloud':
    'Administrators ir bloķējis pierakstīšanos, tāpēc neviena pierakstīšanās neizdodas, lai kāda būtu parole. Kad pierakstīšanās atkal ir atļauta, izmaiņas stājas spēkā dažu minūšu laikā.',
  'finding.signInBlocked.onPremises':
    'Šis konts tiek sinhronizēts no jūsu lokālā Active Directory, tāpēc tas ir jāiespējo tur (piemēram, rīkā Active Directory Users and Computers), nevis Microsoft 365. Izmaiņas Microsoft 365 sasniegs ar nākamo direktoriju sinhronizāciju, parasti 30 minūšu laikā.',
  'finding.signInBlocked.checkWhy':
    'Pirms atbloķējat kontu, noskaidrojiet, kāpēc tas tika bloķēts: bieži iemesli ir darbinieka aiziešana vai drošības incidents.',

  'finding.smartLockout.title': 'Konts ir bloķēts pēc pārāk daudziem mēģinājumiem ar nepareizu paroli',
  'finding.smartLockout.titleLifted': 'Konts nesen tika bloķēts pēc pārāk daudziem mēģinājumiem ar nepareizu paroli',
  'finding.smartLockout.lastLockout': {
    zero: 'Pēdējo 24 stundu laikā konts tika bloķēts {count} reizes; pēdējā bloķēšana: {at}.',
    one: 'Pēdējo 24 stundu laikā konts tika bloķēts {count} reizi; pēdējā bloķēšana: {at}.',
    other: 'Pēdējo 24 stundu laikā konts tika bloķēts {count} reizes; pēdējā bloķēšana: {at}.',
  },
  'finding.smartLockout.unlocksAt':
    'Bloķēšana beigsies pati, ne agrāk kā ap {at}. Ja pirmā pēc tam ievadītā parole atkal būs nepareiza, konts tiks bloķēts no jauna.',
  'finding.smartLockout.probablyLifted':
    'Bloķēšana, visticamāk, jau ir beigusies (aptuveni {at}). Ja nākamā ievadītā parole atkal būs nepareiza, konts tiks bloķēts no jauna.',
  'finding.smartLockout.growsOnRepeat':
    'Pirmā bloķēšana ilgst apmēram minūti, un katra nākamā ilgst ilgāk; Microsoft nenorāda, par cik.',
  'finding.smartLockout.advice':
    'Ātrākais veids, kā atgūt piekļuvi: lietotājs pats atiestata paroli, izvēloties "Aizmirsu paroli", un bloķēšana uzreiz beidzas; vai arī jūs atiestatāt paroli lietotāja vietā. Pajautājiet par tālruņiem un lietotnēm, kas joprojām mēģina izmantot veco paroli: tās izraisa jaunas bloķēšanas.',

  'finding.failedSignIns.title': {
    zero: '{count} neveiksmīgi pierakstīšanās mēģinājumi pēdējo 24 stundu laikā',
    one: '{count} neveiksmīgs pierakstīšanās mēģinājums pēdējo 24 stundu laikā',
    other: '{count} neveiksmīgi pierakstīšanās mēģinājumi pēdējo 24 stundu laikā',
  },
  'finding.failedSignIns.advicePassword':
    'Ja lietotājs vairs nezina savu paroli, atiestatiet to vai ļaujiet lietotājam to atiestatīt pašam.',
  'finding.failedSignIns.adviceMaliciousIp':
    'Microsoft bloķē pierakstīšanos no interneta adresēm, kas zināmas ar uzbrukumiem, lai kāda būtu parole. Ja tas nebija lietotājs, kāds cits mēģina piekļūt šim kontam. Ja tas bija lietotājs, ieteiciet pierakstīties no cita tīkla (piemēram, bez VPN vai publiskā Wi-Fi).',
  'finding.failedSignIns.adviceAccessPolicy':
    'Šīs pierakstīšanās apturēja jūsu organizācijas piekļuves noteikumi (ierīce, atrašanās vieta, lietotne vai drošības politika). Paroles atiestatīšana nepalīdzēs; administrators Microsoft Entra administrēšanas centra pierakstīšanās žurnālā var redzēt, kura politika tika piemērota.',
  'finding.failedSignIns.adviceMfa':
    'Otrais pierakstīšanās solis neizdevās vai to nevarēja iestatīt. Ja lietotājam ir jauns tālrunis vai tālrunis ir pazaudēts, jāiestata jauna drošības informācija; administrators var izsniegt pagaidu piekļuves caurlaidi (Temporary Access Pass).',
  'finding.failedSignIns.mfaPromptsOnly':
    'Tie ir tikai otrā pierakstīšanās soļa pieprasījumi, un tas ir normāli: parasti tie izdodas, tiklīdz lietotājs tos apstiprina.',

  'finding.userAtRisk.title': 'Microsoft ir atzīmējis šo kontu kā riskantu',
  'finding.userAtRisk.titleCompromised': 'Ir apstiprināts, ka šis konts ir kompromitēts',
  'finding.userAtRisk.confirmedCompromised': 'Administrators ir apstiprinājis, ka kādam citam bija piekļuve šim kontam.',
  'finding.userAtRisk.levelLow': 'Riska līmenis: zems.',
  'finding.userAtRisk.levelMedium': 'Riska līmenis: vidējs.',
  'finding.userAtRisk.levelHigh': 'Riska līmenis: augsts. Riska politikas var bloķēt pierakstīšanos, kamēr risks nav novērsts.',
  'finding.sessionsOpenAfterRisk.title': 'Paroles atiestatīšana novērsa risku, bet sesijas pēc tam netika atsauktas',
  'finding.sessionsOpenAfterRisk.when': 'Paroles atiestatīšana novērsa risku {at}.',
  'finding.sessionsOpenAfterRisk.why':
    'Paroles atiestatīšana izraksta tikai to, kas pierakstījās ar paroli. Lietotnes un ierīces, kas pierakstījās bez tās (Microsoft Authenticator, Windows Hello, piekļuves atslēga), paliek pierakstītas: atsauciet sesijas, lai visur būtu jāpierakstās no jauna.',
  'finding.userAtRisk.levelHidden':
    'Riska līmenis nav redzams, jo jūsu organizācijai nav Microsoft Entra ID P2 licences.',
  'finding.userAtRisk.updatedAt': 'Pēdējoreiz atjaunināts {at}.',
  'finding.userAtRisk.advice':
    'Pajautājiet lietotājam, vai nesenās pierakstīšanās veica pats lietotājs. Ja jā, noraidiet risku. Ja nē vai ja rodas šaubas, atiestatiet paroli un izrakstiet lietotāju no visām ierīcēm un lietotnēm: paroles atiestatīšana novērš arī risku.',
  'finding.userAtRisk.adviceCompromised':
    'Rīkojieties kā ar kompromitētu kontu: atiestatiet paroli, izrakstiet lietotāju no visām ierīcēm un lietotnēm un veiciet kompromitēta konta kontrolsarakstā norādītās darbības.',

  'finding.restrictedSender.title': 'Lietotājam ir bloķēta e-pasta sūtīšana',
  'finding.restrictedSender.since': 'Sūtīšana bloķēta kopš {since}.',
  'finding.restrictedSender.reason.sendingLimit': 'Microsoft bloķēja sūtīšanu, jo lietotājs pārsniedza sūtīšanas ierobežojumu.',
  'finding.restrictedSender.reason.sendingLimitInternal':
    'Microsoft bloķēja sūtīšanu, jo lietotājs pārsniedza dienas ierobežojumu adresātiem jūsu organizācijā.',
  'finding.restrictedSender.reason.sendingLimitExternal':
    'Microsoft bloķēja sūtīšanu, jo lietotājs pārsniedza dienas ierobežojumu adresātiem ārpus jūsu organizācijas.',
  'finding.restrictedSender.reason.recipientCounts':
    'Adresāti tajā dienā: {internal} jūsu organizācijā un {external} ārpus tās.',
  'finding.restrictedSender.reason.outboundSpam':
    'Microsoft bloķēja sūtīšanu, jo no šī konta sūtītais pasts izskatījās pēc surogātpasta.',
  'finding.restrictedSender.reason.spamCounts':
    '{spam} no {total} pēdējo 24 stundu laikā nosūtītajiem ziņojumiem izskatījās pēc surogātpasta.',
  'finding.restrictedSender.reason.raw': 'Microsoft norādītais iemesls: {reason}',
  'finding.restrictedSender.effect':
    'Lietotājs joprojām saņem e-pastu, bet visi lietotāja sūtītie ziņojumi atgriežas ar kļūdu 5.1.8.',
  'finding.restrictedSender.secureFirst':
    'Parasti tas nozīmē, ka kontu izmanto kāds cits. Pirms atbloķēšanas padariet kontu drošu: atiestatiet paroli, izrakstiet lietotāju no visām ierīcēm un lietotnēm un pārbaudiet iesūtnes kārtulas.',
  'finding.restrictedSender.unblockDelay':
    'Pēc atbloķēšanas sūtīšana parasti atkal darbojas stundas laikā, retos gadījumos līdz 24 stundām.',
  'finding.restrictedSender.unblockLimit':
    'Microsoft ierobežo, cik reižu vienu kontu var atbloķēt. Kad šis ierobežojums ir sasniegts, kontu var atbloķēt tikai Microsoft atbalsta dienests.',

  'finding.ssprNotRegistered.title': 'Lietotājs vēl nevar pats atiestatīt savu paroli',
  'finding.ssprNotRegistered.register':
    'Kad piekļuve ir atjaunota, palūdziet lietotājam reģistrēt savu drošības informāciju vietnē https://aka.ms/ssprsetup, lai nākamreiz paroli varētu atiestatīt bez palīdzības dienesta.',
  'finding.ssprNotRegistered.policyDoesNotCover':
    'Šim lietotājam nav ieslēgta pašapkalpošanās paroles atiestatīšana, tāpēc arī pēc reģistrēšanās lietotājs to nevarēs izmantot. Administrators var iekļaut lietotāju Microsoft Entra administrēšanas centra sadaļā Paroles atiestatīšana.',

  'finding.suspiciousInboxRule.title': 'Iesūtnes kārtula {rule} slēpj pastu vai sūta to citur',
  'finding.suspiciousInboxRule.forward': 'Tā pārsūta pastu uz {recipients}.',
  'finding.suspiciousInboxRule.forwardAsAttachment': 'Tā pārsūta pastu kā pielikumus uz {recipients}.',
  'finding.suspiciousInboxRule.redirect': 'Tā novirza pastu uz {recipients}.',
  'finding.suspiciousInboxRule.delete': 'Tā dzēš pastu.',
  'finding.suspiciousInboxRule.permanentDelete':
    'Tā neatgriezeniski dzēš pastu, tāpēc to nevar atjaunot no mapes Izdzēstie vienumi.',
  'finding.suspiciousInboxRule.moveAndMarkRead':
    'Tā pārvieto pastu uz citu mapi un atzīmē to kā izlasītu, tāpēc lietotājs to neredz.',
  'finding.suspiciousInboxRule.outside':
    'Pasts nonāk ārpus lietotāja e-pasta domēna ({recipients}). Pasta pārsūtīšana uz ārējām adresēm ir bieža pazīme, ka pastkasti kontrolē kāds cits.',
  'finding.suspiciousInboxRule.advice':
    'Pajautājiet lietotājam, vai šo kārtulu izveidoja pats lietotājs. Ja nē, noņemiet to un rīkojieties kā ar kompromitētu kontu.',

  'finding.newSignInMethod.title': 'Pievienota jauna pierakstīšanās metode: {method}',
  'finding.newSignInMethod.addedAt': 'Pievienota {at}.',
  'finding.newSignInMethod.advice':
    'Pajautājiet lietotājam, vai šo metodi pievienoja pats lietotājs. Ja nē, kontu var kontrolēt kāds cits: noņemiet metodi, atiestatiet paroli un izrakstiet lietotāju no visām ierīcēm un lietotnēm.',
  'finding.signInMethods.title': {
    zero: '{count} reģistrētas pierakstīšanās metodes',
    one: '{count} reģistrēta pierakstīšanās metode',
    other: '{count} reģistrētas pierakstīšanās metodes',
  },
  'finding.signInMethods.addedAt': '{method}, pievienošanas laiks: {at}',
  'finding.signInMethods.none': 'Nav reģistrēta neviena pierakstīšanās metode, izņemot paroli.',

  'method.password': 'Parole',
  'method.phone': 'Tālrunis',
  'method.microsoftAuthenticator': 'Microsoft Authenticator',
  'method.fido2': 'Drošības atslēga',
  'method.email': 'E-pasts',
  'method.softwareOath': 'Autentifikatora lietotnes kods (OATH)',
  'method.temporaryAccessPass': 'Pagaidu piekļuves caurlaide',
  'method.windowsHelloForBusiness': 'Windows Hello for Business',
  'method.platformCredential': 'Platformas akreditācijas dati (piekļuves atslēga Mac datorā)',
  'method.other': 'Cita pierakstīšanās metode',
  'method.withLabel': '{method}: {label}',

  'finding.passwordManagedOnPremises.title': 'Paroli pārvalda lokālajā Active Directory',
  'finding.passwordManagedOnPremises.resetInAd':
    'Bez paroles atpakaļrakstīšanas paroles atiestatīšana Microsoft 365 nesasniedz Active Directory, tāpēc Unlock to nepiedāvā: atiestatiet paroli Active Directory.',
  'finding.passwordManagedOnPremises.writeback':
    'Ja jūsu organizācijā ir ieslēgta paroles atpakaļrakstīšana, lietotājs var atiestatīt paroli arī pats, izmantojot pašapkalpošanās paroles atiestatīšanu.',

  'finding.privilegedTarget.title': 'Šis lietotājs ir administrators, kura kontu Unlock nedrīkst mainīt',
  'finding.privilegedTarget.roles': {
    zero: 'Lietotājam ir lomas {roles}.',
    one: 'Lietotājam ir loma {roles}.',
    other: 'Lietotājam ir lomas {roles}.',
  },
  'finding.privilegedTarget.eligible': {
    zero: 'Lietotājs jebkurā brīdī var aktivizēt lomas {roles} (tās ir pieejamas aktivizēšanai ar Privileged Identity Management).',
    one: 'Lietotājs jebkurā brīdī var aktivizēt lomu {roles} (tā ir pieejama aktivizēšanai ar Privileged Identity Management).',
    other: 'Lietotājs jebkurā brīdī var aktivizēt lomas {roles} (tās ir pieejamas aktivizēšanai ar Privileged Identity Management).',
  },
  'finding.privilegedTarget.whoCanAct':
    'Tikai privileģētās autentifikācijas administrators vai globālais administrators var atbloķēt šo kontu, atiestatīt tā paroli vai izrakstīt to no visām ierīcēm. Palūdziet kādam no šiem administratoriem to izdarīt Microsoft Entra administrēšanas centrā.',
  'finding.privilegedTarget.noSteps': 'Unlock parāda, ko atrada, bet šim kontam nepiedāvā nekādas darbības.',
  'finding.protectedTarget.operator': 'Šis lietotājs ir palīdzības dienesta operators: Unlock operatoru kontus nemaina',
  'finding.protectedTarget.group': 'Šis lietotājs ir aizsargātā grupā: Unlock šo kontu nemaina',
  'finding.protectedTarget.whoCanAct':
    'Izmaiņas šajā kontā veic administrators Microsoft Entra administrēšanas centrā pēc pārbaudes ar lietotāju klātienē vai pa zināmu tālruņa numuru.',

  'finding.couldNotCheck.needs': 'Kas nepieciešams: {needs}.',
  'finding.couldNotCheck.rolesWithheld':
    'Nezinot lomas, Unlock nevar noteikt, vai šis lietotājs ir administrators, tāpēc nepiedāvā neko, kas maina kontu. Mēģiniet vēlreiz vēlāk vai palūdziet administratoram rīkoties Microsoft Entra administrēšanas centrā.',
  'finding.couldNotCheck.noPim':
    'Bez šīs licences jūsu organizācijā nav Privileged Identity Management, tāpēc nevienam nevar būt aktivizējamu lomu: Unlock joprojām piedāvā savas darbības.',
  'finding.couldNotCheck.requestId': 'Pieprasījuma ID Microsoft atbalsta dienestam: {requestId}.',

  'finding.nothingWrong.title': 'Šim kontam problēmas netika atrastas',
  'finding.nothingWrong.titlePartial': 'Pārbaudītajā daļā problēmas netika atrastas',
  'finding.nothingWrong.partial':
    'Dažas daļas nevarēja pārbaudīt (tās ir uzskaitītas šeit), tāpēc problēmu tajās nevar izslēgt.',
  'finding.nothingWrong.lookElsewhere': 'Ja lietotājs joprojām nevar pierakstīties, šie ir citi biežākie iemesli:',
  'finding.nothingWrong.wrongUsername': 'Nepareizs lietotājvārds: jāpierakstās kā {upn}.',
  'finding.nothingWrong.mfaDevice':
    'Pazaudēts vai jauns tālrunis: bez tā lietotājs nevar apstiprināt pierakstīšanos. Administrators var izsniegt pagaidu piekļuves caurlaidi (Temporary Access Pass), lai lietotājs varētu iestatīt jaunu drošības informāciju.',
  'finding.nothingWrong.deviceOrAccess':
    'Ierīce vai piekļuves noteikums: ierīce, kas nav atbilstoša vai nav reģistrēta, vai atrašanās vieta vai lietotne, ko jūsu organizācija bloķē.',
  'finding.nothingWrong.app':
    'Pati lietotne: ja pierakstīšanās Microsoft 365 tīmeklī privātā pārlūka logā izdodas, problēma ir lietotnē vai ierīcē saglabātajā pierakstīšanās informācijā.',
  'finding.nothingWrong.incident':
    'Microsoft pakalpojuma incidents: pārbaudiet https://status.cloud.microsoft un Microsoft 365 administrēšanas centra sadaļu Pakalpojumu stāvoklis.',

  // ── Parts of the account a diagnosis reads, and why one could not be read ──────────────────────
  'check.signInActivity': 'Nevarēja pārbaudīt, kad lietotājs pēdējoreiz pierakstījās',
  'check.signIns': 'Nevarēja pārbaudīt nesenās pierakstīšanās (bloķēšanas un neveiksmīgus mēģinājumus)',
  'check.risk': 'Nevarēja pārbaudīt, vai Microsoft ir atzīmējis kontu kā riskantu',
  'check.registration': 'Nevarēja pārbaudīt lietotāja drošības informācijas reģistrāciju',
  'check.roles': 'Nevarēja pārbaudīt lietotāja administratora lomas',
  'check.eligibleRoles': 'Nevarēja pārbaudīt, kuras administratora lomas lietotājs var aktivizēt (Privileged Identity Management)',
  'check.inboxRules': 'Nevarēja pārbaudīt iesūtnes kārtulas',
  'check.restrictedSender': 'Nevarēja pārbaudīt, vai lietotājam ir bloķēta e-pasta sūtīšana',
  'check.signInMethods': 'Nevarēja pārbaudīt pierakstīšanās metodes',
  'check.protection': 'Nevarēja pārbaudīt, vai lietotājs ir operators vai aizsargātā grupā',

  'cause.permission': 'Lietotnei Unlock trūkst atļaujas vai lomas, lai to nolasītu.',
  'cause.licence': 'Jūsu organizācijas licence to neietver.',
  'cause.notFound': 'Microsoft 365 šeit neatrada neko nolasāmu (piemēram, lietotājam nav pastkastes).',
  'cause.throttled':
    'Microsoft 365 lūdza Unlock palēnināt darbību, un atkārtotie mēģinājumi neizdevās. Mēģiniet vēlreiz pēc dažām minūtēm.',
  'cause.outage': 'Microsoft 365 neatbildēja pareizi (pakalpojuma vai tīkla problēma). Mēģiniet vēlreiz vēlāk.',

  // ── Sign-in error codes, in plain words ({count} sign-ins failed this way) ─────────────────────
  'signInError.50053': {
    zero: '{count} pierakstīšanās mēģinājumi tika apturēti, jo konts bija bloķēts vai pierakstīšanās notika no aizdomīgas adreses (kļūda 50053; pierakstīšanās žurnālā redzams, kurš no iemesliem).',
    one: '{count} pierakstīšanās mēģinājums tika apturēts, jo konts bija bloķēts vai pierakstīšanās notika no aizdomīgas adreses (kļūda 50053; pierakstīšanās žurnālā redzams, kurš no iemesliem).',
    other: '{count} pierakstīšanās mēģinājumi tika apturēti, jo konts bija bloķēts vai pierakstīšanās notika no aizdomīgas adreses (kļūda 50053; pierakstīšanās žurnālā redzams, kurš no iemesliem).',
  },
  'signInError.50053.lockedOut': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās, jo konts bija bloķēts pēc pārāk daudzām nepareizām parolēm.',
    one: '{count} pierakstīšanās mēģinājums neizdevās, jo konts bija bloķēts pēc pārāk daudzām nepareizām parolēm.',
    other: '{count} pierakstīšanās mēģinājumi neizdevās, jo konts bija bloķēts pēc pārāk daudzām nepareizām parolēm.',
  },
  'signInError.50053.maliciousIp': {
    zero: '{count} pierakstīšanās mēģinājumi tika bloķēti, jo tie nāca no interneta adreses, kas zināma ar uzbrukumiem.',
    one: '{count} pierakstīšanās mēģinājums tika bloķēts, jo tas nāca no interneta adreses, kas zināma ar uzbrukumiem.',
    other: '{count} pierakstīšanās mēģinājumi tika bloķēti, jo tie nāca no interneta adreses, kas zināma ar uzbrukumiem.',
  },
  'signInError.50055': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās, jo parolei ir beidzies derīguma termiņš.',
    one: '{count} pierakstīšanās mēģinājums neizdevās, jo parolei ir beidzies derīguma termiņš.',
    other: '{count} pierakstīšanās mēģinājumi neizdevās, jo parolei ir beidzies derīguma termiņš.',
  },
  'signInError.50056': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās, jo kontam nav iestatīta parole.',
    one: '{count} pierakstīšanās mēģinājums neizdevās, jo kontam nav iestatīta parole.',
    other: '{count} pierakstīšanās mēģinājumi neizdevās, jo kontam nav iestatīta parole.',
  },
  'signInError.50057': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās, jo konts ir atspējots.',
    one: '{count} pierakstīšanās mēģinājums neizdevās, jo konts ir atspējots.',
    other: '{count} pierakstīšanās mēģinājumi neizdevās, jo konts ir atspējots.',
  },
  'signInError.50126': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās nepareiza lietotājvārda vai paroles dēļ.',
    one: '{count} pierakstīšanās mēģinājums neizdevās nepareiza lietotājvārda vai paroles dēļ.',
    other: '{count} pierakstīšanās mēģinājumi neizdevās nepareiza lietotājvārda vai paroles dēļ.',
  },
  'signInError.53003': {
    zero: '{count} pierakstīšanās mēģinājumus bloķēja nosacītās piekļuves politika.',
    one: '{count} pierakstīšanās mēģinājumu bloķēja nosacītās piekļuves politika.',
    other: '{count} pierakstīšanās mēģinājumus bloķēja nosacītās piekļuves politika.',
  },
  'signInError.50074': {
    zero: '{count} pierakstīšanās mēģinājumos tika pieprasīts otrais solis (MFA), bet tas netika pabeigts.',
    one: '{count} pierakstīšanās mēģinājumā tika pieprasīts otrais solis (MFA), bet tas netika pabeigts.',
    other: '{count} pierakstīšanās mēģinājumos tika pieprasīts otrais solis (MFA), bet tas netika pabeigts.',
  },
  'signInError.50076': {
    zero: '{count} pierakstīšanās mēģinājumos bija vajadzīgs otrais solis (MFA) politikas vai jaunas atrašanās vietas dēļ.',
    one: '{count} pierakstīšanās mēģinājumā bija vajadzīgs otrais solis (MFA) politikas vai jaunas atrašanās vietas dēļ.',
    other: '{count} pierakstīšanās mēģinājumos bija vajadzīgs otrais solis (MFA) politikas vai jaunas atrašanās vietas dēļ.',
  },
  'signInError.50079': {
    zero: '{count} pierakstīšanās mēģinājumi tika apturēti, jo lietotājam vispirms jāreģistrē drošības informācija vairāku faktoru autentifikācijai (MFA).',
    one: '{count} pierakstīšanās mēģinājums tika apturēts, jo lietotājam vispirms jāreģistrē drošības informācija vairāku faktoru autentifikācijai (MFA).',
    other: '{count} pierakstīšanās mēģinājumi tika apturēti, jo lietotājam vispirms jāreģistrē drošības informācija vairāku faktoru autentifikācijai (MFA).',
  },
  'signInError.500121': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās otrajā solī (MFA tika noraidīta, beidzās gaidīšanas laiks vai kods bija nepareizs).',
    one: '{count} pierakstīšanās mēģinājums neizdevās otrajā solī (MFA tika noraidīta, beidzās gaidīšanas laiks vai kods bija nepareizs).',
    other: '{count} pierakstīšanās mēģinājumi neizdevās otrajā solī (MFA tika noraidīta, beidzās gaidīšanas laiks vai kods bija nepareizs).',
  },
  'signInError.530032': {
    zero: '{count} pierakstīšanās mēģinājumus bloķēja jūsu organizācijas drošības politika.',
    one: '{count} pierakstīšanās mēģinājumu bloķēja jūsu organizācijas drošības politika.',
    other: '{count} pierakstīšanās mēģinājumus bloķēja jūsu organizācijas drošības politika.',
  },
  'signInError.50158': {
    zero: '{count} pierakstīšanās mēģinājumi neizturēja ārēja pakalpojumu sniedzēja papildu drošības pārbaudi.',
    one: '{count} pierakstīšanās mēģinājums neizturēja ārēja pakalpojumu sniedzēja papildu drošības pārbaudi.',
    other: '{count} pierakstīšanās mēģinājumi neizturēja ārēja pakalpojumu sniedzēja papildu drošības pārbaudi.',
  },
  'signInError.50097': {
    zero: '{count} pierakstīšanās mēģinājumi tika noraidīti, jo ir vajadzīga reģistrēta ierīce.',
    one: '{count} pierakstīšanās mēģinājums tika noraidīts, jo ir vajadzīga reģistrēta ierīce.',
    other: '{count} pierakstīšanās mēģinājumi tika noraidīti, jo ir vajadzīga reģistrēta ierīce.',
  },
  'signInError.53004': {
    zero: '{count} pierakstīšanās mēģinājumos nevarēja reģistrēt drošības informāciju, jo Microsoft tos novērtēja kā riskantus.',
    one: '{count} pierakstīšanās mēģinājumā nevarēja reģistrēt drošības informāciju, jo Microsoft to novērtēja kā riskantu.',
    other: '{count} pierakstīšanās mēģinājumos nevarēja reģistrēt drošības informāciju, jo Microsoft tos novērtēja kā riskantus.',
  },
  'signInError.other': {
    zero: '{count} pierakstīšanās mēģinājumi neizdevās ar kļūdu {code} (skatiet https://login.microsoftonline.com/error?code={code}).',
    one: '{count} pierakstīšanās mēģinājums neizdevās ar kļūdu {code} (skatiet https://login.microsoftonline.com/error?code={code}).',
    other: '{count} pierakstīšanās mēģinājumi neizdevās ar kļūdu {code} (skatiet https://login.microsoftonline.com/error?code={code}).',
  },

  // ── Remediation steps: button titles and confirmation questions ─────────────────────────────
  'step.allowSignIn.title': 'Atļaut pierakstīšanos',
  'step.allowSignIn.confirm': 'Vai atļaut lietotājam {user} atkal pierakstīties?',
  'step.resetPassword.title': 'Atiestatīt paroli',
  'step.resetPassword.confirm':
    'Vai atiestatīt paroli lietotājam {user}? Lietotājs saņems pagaidu paroli, un, nākamreiz pierakstoties, būs jāizvēlas jauna parole.',
  'step.unblockSending.title': 'Atbloķēt sūtīšanu',
  'step.unblockSending.confirm': 'Vai atļaut lietotājam {user} atkal sūtīt e-pastu? Vispirms pārliecinieties, ka konts ir drošs.',
  'step.removeInboxRule.title': 'Noņemt kārtulu',
  'step.removeInboxRule.confirm': 'Vai noņemt iesūtnes kārtulu {item} no pastkastes, kas pieder lietotājam {user}?',
  'step.revokeSessions.title': 'Atsaukt sesijas',
  'step.revokeSessions.confirm':
    'Vai izrakstīt lietotāju {user} no visām lietotnēm un ierīcēm? Lietotājam visur būs jāpierakstās no jauna.',
  'step.dismissRisk.title': 'Noraidīt risku',
  'step.dismissRisk.confirm':
    'Vai noraidīt risku lietotājam {user}? Dariet to tikai tad, ja lietotājs apstiprina, ka nesenās pierakstīšanās veica pats.',
  'step.confirmCompromised.title': 'Apstiprināt kā kompromitētu',
  'step.confirmCompromised.confirm':
    'Vai apstiprināt, ka lietotājam {user} ir kompromitēts konts? Riska līmenis tiks iestatīts uz "augsts".',
  'step.compromisedChecklist.title': 'Kompromitēta konta kontrolsaraksts',
  'step.compromisedChecklist.confirm': 'Vai parādīt kompromitēta konta kontrolsarakstu lietotājam {user}?',
  'step.handOver.title': 'Nodot atbalsta dienestam',
  'step.handOver.confirm': 'Vai nodot atbalsta dienestam gadījumu, kas attiecas uz lietotāju {user}?',
  'step.secureAccount.title': 'Aizsargāt kontu',
  'step.secureAccount.confirm': 'Vai tagad aizsargāt kontu, kas pieder lietotājam {user}? Šādā secībā: {item}.',
  'step.secureAccount.note':
    'Katra darbība tiek veikta un reģistrēta tā, it kā tā būtu atlasīta atsevišķi. Ja kādu nevar veikt, tā tiek nosaukta kartītē, un pārējās tiek veiktas.',
  'summary.privileged': 'Administratora konts: Unlock to nemaina. Zemāk ir norādīts, kas to var darīt.',
  'summary.compromised': 'Šis konts, šķiet, ir kompromitēts. Vispirms aizsargājiet to: sāciet ar "{step}".',
  'summary.compromisedNoStep': 'Šis konts, šķiet, ir kompromitēts. Pirms visa cita aizsargājiet to.',
  'summary.problem': '{problem}. Sāciet ar "{step}".',
  'summary.problemNoStep': '{problem}.',
  'summary.nothingWrong': 'Tajā, ko Unlock pārbauda, problēmas netika atrastas.',
  'summary.nothingWrongAsked': 'Tajā, ko Unlock pārbauda, problēmas netika atrastas. Jūsu prasītā darbība "{step}" ir pirmā zemāk.',
  'summary.compromisedAskedLater': 'Šis konts, šķiet, ir kompromitēts: darbība "{asked}" jāveic tikai pēc konta aizsargāšanas. Sāciet ar "{step}".',
  'summary.privilegedRoles':
    'Administrators ({roles}): Unlock šo kontu nemaina. To var darīt privileģētās autentifikācijas administrators vai globālais administrators Microsoft Entra administrēšanas centrā.',
  'summary.protectedOperator': 'Palīdzības dienesta operators: Unlock šo kontu nemaina. To var darīt administrators Microsoft Entra administrēšanas centrā.',
  'summary.protectedGroup': 'Aizsargātas grupas dalībnieks: Unlock šo kontu nemaina. To var darīt administrators Microsoft Entra administrēšanas centrā.',
  'summary.stepWithItem': '{step}: {item}',
  'summary.itemQuoted': '"{name}"',
  'summary.itemUnnamed': '(bez nosaukuma)',
  'step.removeSignInMethod.title': 'Noņemt metodi',
  'step.removeSignInMethod.confirm':
    'Vai noņemt pierakstīšanās metodi {item} lietotājam {user}? Dariet to tikai tad, ja lietotājs šo metodi neatpazīst.',
  'step.temporaryAccessPass.title': 'Pagaidu piekļuves caurlaide',
  'step.temporaryAccessPass.confirm':
    'Vai izsniegt pagaidu piekļuves caurlaidi lietotājam {user}? Ar to lietotājs varēs pierakstīties un iestatīt jaunu drošības informāciju, piemēram, jaunu tālruni vai autentifikatora lietotni. Iepriekšējā caurlaide vairs nedarbosies.',
  'step.temporaryAccessPass.policyOff':
    'Pagaidu piekļuves caurlaide jūsu organizācijā ir izslēgta, tāpēc caurlaide nedarbotos. Administrators to var ieslēgt Microsoft Entra administrēšanas centrā (Aizsardzība > Autentifikācijas metodes > Temporary Access Pass). Nekas netika mainīts.',
  'step.temporaryAccessPass.userExcluded':
    'Jūsu organizācijas pagaidu piekļuves caurlaides politika neattiecas uz lietotāju {user}, tāpēc caurlaide nedarbotos. Administrators var mainīt politikas tvērumu Microsoft Entra administrēšanas centrā (Aizsardzība > Autentifikācijas metodes > Temporary Access Pass). Nekas netika mainīts.',
  'step.temporaryAccessPass.lifetimeOutside':
    'Derīguma ilgums {minutes} min neatbilst jūsu organizācijas politikai (no {min} līdz {max} min). Nekas netika mainīts.',
  'step.temporaryAccessPass.onceRequired': 'Jūsu organizācija atļauj tikai vienreizējas caurlaides. Nekas netika mainīts.',
} as const satisfies LatvianMessages<typeof en>;
