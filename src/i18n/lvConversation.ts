/**
 * Latvian messages for the keys of `enConversation.ts`: prompts, replies, card labels and errors.
 * The commands people type stay English words ("unlock", "check", "history", "help", "cancel").
 */
import type { LatvianMessages } from './messages';
import type { enConversation } from './enConversation';

export const lvConversation = {
  // Replies
  'error.unexpected':
    'Mūsu pusē radās kļūda (atsauce {reference}). Ja veicāt izmaiņas, pirms atkārtošanas vēlreiz pārbaudiet kontu, lai redzētu, vai tās tika veiktas. Ja kļūda atkārtojas, nododiet šo atsauci savam Unlock administratoram.',
  'unlock.ask': 'Kurš lietotājs nevar piekļūt savam kontam? Ievadiet lietotāja e-pasta adresi, lietotājvārdu vai daļu no vārda.',
  'unlock.askAgain': 'Kurš lietotājs nevar piekļūt savam kontam? Ievadiet e-pasta adresi vai vārdu vai arī "cancel", lai pārtrauktu.',
  'unlock.askForStep': 'Par kuru lietotāju ir runa? Ievadiet lietotāja e-pasta adresi vai vārdu, un es pārbaudīšu kontu, darbību "{step}" liekot pirmo.',
  'unlock.askAgainForStep': 'Par kuru lietotāju ir runa? Ievadiet e-pasta adresi vai vārdu (darbība "{step}" būs kartītē pirmā) vai arī "cancel", lai pārtrauktu.',
  'unlock.noMatch': 'Neatradu nevienu lietotāju, kas atbilst "{query}". Pārbaudiet rakstību vai mēģiniet ar e-pasta adresi.',
  'unlock.namesakes':
    '{count} lietotājiem ir vārds {name}: tālāk ir katra kartīte. Salīdziniet zvanītāja teikto ar faktiem katrā kartītē un rīkojieties tikai pareizās personas kartītē.',
  'unlock.noMatchAddress': 'Neatradu nevienu lietotāju ar adresi "{query}". Pārbaudiet rakstību vai ievadiet daļu no lietotāja vārda.',
  'unlock.tooManyTries':
    'Pēc {count} mēģinājumiem lietotāju neizdevās atrast. Mēģiniet ar pilnu e-pasta adresi (kā Microsoft 365 administrēšanas centrā, sadaļā Lietotāji > Aktīvie lietotāji) vai ievadiet "help".',
  'unlock.tooManyTriesAddress':
    'Pēc {count} mēģinājumiem lietotāju neizdevās atrast. Ievadiet daļu no lietotāja vārda vai pārbaudiet adresi Microsoft 365 administrēšanas centrā (Lietotāji > Aktīvie lietotāji): tā var būt veca vai kļūdaini ierakstīta. Lai uzzinātu vairāk, ievadiet "help".',
  'unlock.refused.empty': 'Lūdzu, ievadiet vārdu vai e-pasta adresi.',
  'unlock.refused.tooLong': 'Tas ir par garu vārdam vai e-pasta adresei. Lūdzu, ievadiet tikai lietotāja adresi vai vārdu.',
  'unlock.refused.unsupportedCharacters':
    'Vārdā vai e-pasta adresē nevar būt dažas no šīm rakstzīmēm. Lūdzu, ievadiet tikai lietotāja adresi vai vārdu.',
  'unlock.userGone': 'Šis lietotājs direktorijā vairs nepastāv. Ievadiet "unlock", lai meklētu kādu no jauna.',
  'unlock.chosen': 'Pārbaudu lietotāju {name}.',
  'unlock.unavailable': 'Pašlaik nevarēju pārbaudīt kontu. Nekas netika mainīts.',
  'unlock.notOperator':
    'Citu lietotāju kontus var pārbaudīt tikai palīdzības dienesta grupas dalībnieki. Ja nevarat piekļūt savam kontam, atiestatiet paroli vietnē https://aka.ms/sspr vai vērsieties palīdzības dienestā.',
  'unlock.cancelled': 'Atcelts. Nekas netika mainīts. Kad atkal būšu vajadzīgs, ievadiet "unlock".',
  'unlock.nothingToCancel': 'Nav nekā, ko atcelt. Ievadiet "unlock", lai pārbaudītu kontu.',
  'unlock.staleCard': 'Šīs kartītes derīguma termiņš ir beidzies, vai arī tā nav mana. Ievadiet "unlock", lai vēlreiz pārbaudītu kontu.',
  'unlock.unknownCommand': 'To nesapratu. Ievadiet "unlock", lai pārbaudītu bloķētu kontu, vai "help".',
  'chat.hello':
    'Sveiki! Es esmu Unlock: ar mani palīdzības dienests atjauno lietotāju piekļuvi Microsoft 365 kontiem. Uzrakstiet, kuram lietotājam un kas jādara, piemēram, **atiestati paroli Annai Bērziņai** vai **unlock meganb@contoso.com** (tikai palīdzības dienestam). Ja nevarat pierakstīties savā kontā, aprakstiet to saviem vārdiem, un es ieteikšu, ko darīt vispirms. Lai uzzinātu vairāk, ievadiet **help**.',
  'chat.thanks': 'Lūdzu! Kad atkal vajadzēs palīdzību, ievadiet **help**.',
  'surface.helpOnly':
    'Šeit es sniedzu tikai palīdzību, jo konta informāciju redzētu visi šīs tērzēšanas dalībnieki. Pārbaudiet kontus savā individuālajā tērzēšanā ar Unlock vai palīdzības dienesta kanālā.',
  'help.heading': 'Unlock palīdz atgūt piekļuvi Microsoft 365',
  'help.unlock':
    '**unlock** — pajautā, kurš lietotājs nevar piekļūt kontam, pārbauda kontu un parāda, kas nav kārtībā, ar pogu katram risinājumam.',
  'help.unlockWithUser': '**unlock anna.berzina@contoso.com** vai **check Megan Bowen** — uzreiz pārbauda šo lietotāju.',
  'help.plainRequests':
    'Vai arī uzrakstiet saviem vārdiem: **atiestati paroli Annai Bērziņai**, **pārbaudi Pētera Liepas kontu**, **vai meganb@contoso.com ir bloķēts?**',
  'help.cancel': '**cancel** — pārtrauc pašreizējo darbību. Nekas netiek mainīts, ja vien jūs to neapstiprināt.',
  'help.endUser.heading': 'Ko varat man jautāt',
  'help.endUser.ownWords':
    'Aprakstiet problēmu saviem vārdiem, piemēram, **nevaru pieslēgties**, **aizmirsu paroli** vai **nevaru nosūtīt e-pastu**: es apskatīšu jūsu kontu un pateikšu, ko izmēģināt vispirms.',
  'help.endUser.privacy': 'Es skatu tikai jūsu kontu. Palīdzības dienests nekad neprasīs jūsu paroli.',
  'help.security':
    'Katrai izmaiņai tiek prasīts apstiprinājums, klikšķa brīdī tiek pārbaudītas jūsu tiesības, un izmaiņa tiek reģistrēta. Unlock nekad nemaina administratoru kontus.',

  'help.history':
    '**history anna.berzina@contoso.com** — Unlock darbības ar šo lietotāju, jaunākās vispirms, pa desmit (**vairāk** parāda vecākas); **history anna.berzina@contoso.com atteikumi** parāda tikai noraidītās darbības (tikai palīdzības dienesta operatoriem).',
  'history.notOperator': 'Konta darbību vēsturi var skatīt tikai palīdzības dienesta grupas dalībnieki.',
  'history.usage': 'Ievadiet "history" un lietotāja e-pasta adresi, piemēram: history anna.berzina@contoso.com',
  'history.noMatch': 'Neatradu tieši vienu atbilstošu lietotāju. Ievadiet "history" un lietotāja e-pasta adresi.',
  'history.several': 'Atbilst vairāki cilvēki. Ievadiet "history" un lietotāja pilno e-pasta adresi.',
  'history.heading': 'Pēdējās Unlock darbības ar lietotāju {name}',
  'history.empty': 'Unlock nav reģistrējis nevienu darbību ar šo kontu.',
  'history.headingOlder': 'Vecākas Unlock darbības ar lietotāju {name}',
  'history.headingRefused': 'Noraidītās Unlock darbības ar lietotāju {name}',
  'history.headingRefusedOlder': 'Vecākas noraidītās Unlock darbības ar lietotāju {name}',
  'history.emptyRefused': 'Unlock nav reģistrējis nevienu noraidītu darbību ar šo kontu.',
  'history.noneOnThisPage': 'Līdz šim nolasītajās darbībās tādu nav.',
  'history.refusedAttempts': {
    zero: '{time} · {count} noraidīti mēģinājumi, ko veica {actor} (nav palīdzības dienesta operators), pirmais: {since}',
    one: '{time} · {count} noraidīts mēģinājums, ko veica {actor} (nav palīdzības dienesta operators)',
    other: '{time} · {count} noraidīti mēģinājumi, ko veica {actor} (nav palīdzības dienesta operators), pirmais: {since}',
  },
  'history.more': 'Vairāk',
  'history.moreWord': 'vairāk',
  'history.moreHint': 'Lai redzētu vecākas darbības, ievadiet "vairāk" vai nospiediet Vairāk.',
  'history.noMore': 'Tas ir viss: vecākas Unlock darbības ar lietotāju {name} nav reģistrētas.',
  'history.entry': '{time} · {actor} · {action} · {outcome}',
  'history.outcomeVerified': '{outcome} · {how}',
  'history.verified.calledBack': 'pārbaudīts: atzvanīts uz numuru no direktorija',
  'history.verified.inPerson': 'pārbaudīts: klātienē, pēc personu apliecinoša dokumenta',
  'history.verified.manager': 'pārbaudīts: apstiprināja lietotāja vadītājs',
  'history.verified.userSaidYes': 'pārbaudīts: {name} programmā Teams atbildēja „Jā”',
  'history.verified.managerSaidYes': 'pārbaudīts: lietotāja vadītājs {name} programmā Teams atbildēja „Jā”',
  'history.verified.askedInTeams': 'pārbaude: jautāts programmā Teams',
  'history.deniedBy': '„Nē” programmā Teams atbildēja {name}',
  'history.outcome.attempted': 'sākta, rezultāts nav reģistrēts',
  'history.outcome.succeeded': 'izpildīta',
  'history.outcome.refused': 'noraidīta ({detail})',
  'history.outcome.failed': 'neizdevās ({detail})',
  'history.reason.notOperator': 'nav palīdzības dienesta operators',
  'history.reason.notPersonalChat': 'paroles tikai individuālā tērzēšanā',
  'history.reason.notOffered': 'šajā kartītē netika piedāvāta',
  'history.reason.otherConversation': 'kartīte no citas tērzēšanas',
  'history.reason.notVerified': 'pieprasītājs nav pārbaudīts',
  'history.reason.confirmationUsed': 'apstiprinājums jau izmantots',
  'history.reason.secureFirst': 'konts vēl nav aizsargāts',
  'history.reason.staleCard': 'kartīte par vecu',
  'history.reason.alreadyClaimed': 'tikko jau izpildīta',
  'history.reason.privilegedTarget': 'administratora konts',
  'history.reason.rolesUnknown': 'nevarēja pārbaudīt lomas',
  'history.reason.notNeeded': 'nav vajadzīga',
  'history.reason.userNotFound': 'lietotājs vairs nepastāv',
  'history.reason.unavailable': 'nevarēja sazināties ar Microsoft 365',
  'history.reason.cannotRun': 'šim lietotājam nav iespējams',
  'history.reason.protectedTarget': 'operators vai aizsargāta grupa',

  'help.language':
    '**language lv** vai **language en** — izvēlas valodu, kurā atbildu; **language auto** — atkal izmanto Teams valodu.',
  // Names as they follow in "… {language} valodā" ("latviešu valodā", "angļu valodā").
  'language.name.en': 'angļu',
  'language.name.lv': 'latviešu',
  'language.set': 'Turpmāk atbildēšu jums {language} valodā.',
  'language.auto': 'Atkal izmantoju jūsu Teams valodu (pašlaik {language} valoda).',
  'language.current': 'Atbildu jums {language} valodā. Lai to mainītu, ievadiet "language lv", "language en" vai "language auto".',
  'selfService.cantSignIn.heading': 'Nevarat pierakstīties Microsoft 365?',
  'selfService.accountLocked.heading': 'Vai jūsu konts ir bloķēts?',
  'selfService.cantSendMail.heading': 'Nevarat nosūtīt e-pastu?',
  'selfService.sspr':
    'Ja aizmirsāt paroli, atiestatiet to patstāvīgi vietnē https://aka.ms/sspr (būs vajadzīgs tālrunis vai lietotne, ko reģistrējāt kā drošības informāciju).',
  'selfService.lockoutWait':
    'Pēc pārāk daudziem mēģinājumiem ar nepareizu paroli konts tiek bloķēts uz minūti vai ilgāk, un pēc atkārtotiem mēģinājumiem — vēl ilgāk. Pagaidiet un tad uzmanīgi pierakstieties vēlreiz vai atiestatiet paroli vietnē https://aka.ms/sspr.',
  'selfService.bounce':
    'Ja jūsu ziņojumi atgriežas ar kļūdu 5.1.8, Microsoft 365 ir apturējis e-pasta sūtīšanu no jūsu konta, parasti tāpēc, ka ir aizdomas, ka kontu izmanto kāds cits. Šo ierobežojumu var noņemt tikai palīdzības dienests, kad jūsu konts ir padarīts drošs.',
  'selfService.operators':
    'Ja tas nepalīdz, sazinieties ar savu palīdzības dienestu. Palīdzības dienests nekad neprasīs jūsu paroli.',
  'selfService.operatorsOnly': 'Sazinieties ar savu palīdzības dienestu: tas jums palīdzēs. Palīdzības dienests nekad neprasīs jūsu paroli.',

  'ownAccount.heading': 'Ko redzu jūsu kontā',
  'ownAccount.intro': 'Skatījos tikai jūsu kontu ({upn}).',
  'ownAccount.restrictedSender':
    'Microsoft 365 ir aizliedzis jūsu kontam sūtīt e-pastu{since}, jo izskatījās, ka no tā kāds cits sūta surogātpastu. Jūsu vēstules atgriežas (kļūda 5.1.8), līdz palīdzības dienests atceļ ierobežojumu; saņemšana darbojas. Palīdzības dienests vispirms pārliecinās, ka konts ir drošs (jauna parole, izrakstīšana no visām ierīcēm), tad atceļ ierobežojumu: tas stājas spēkā stundas laikā, retos gadījumos līdz 24 stundām.',
  'ownAccount.since': ' kopš {time}',
  'ownAccount.smartLockout':
    'Jūsu konts pēc pārāk daudzām nepareizām parolēm ir uz laiku bloķēts. Tas atbloķēsies pats, ne agrāk kā {until}; katra jauna nepareiza parole gaidīšanu pagarina, tāpēc pagaidiet, pirms mēģināt vēlreiz.',
  'ownAccount.signInBlocked': 'Administrators ir atspējojis pierakstīšanos jūsu kontā. Atkal to iespējot var tikai palīdzības dienests, un tas vēlēsies zināt, kāpēc tā tika atspējota.',
  'ownAccount.mfaTrouble':
    'Jūsu pierakstīšanās neizdodas otrajā solī (kods, lietotne vai zvans). Ja tālrunis ir pazaudēts vai nomainīts, palīdzības dienestam būs jāpārliecinās, ka tas esat jūs (atzvanot uz direktorijā norādīto numuru vai tiekoties klātienē), un tad jāizsniedz vienreizēja piekļuves atslēga, lai no jauna iestatītu pierakstīšanās metodi.',
  'ownAccount.wrongPassword': 'Pēdējās pierakstīšanās neizdevās nepareizas vai novecojušas paroles dēļ ({count} reizes). Pārbaudiet Caps Lock un tastatūras valodu.',
  'ownAccount.atRisk':
    'Microsoft 365 ir atzīmējis, ka jūsu kontu, iespējams, izmanto kāds cits. Palīdzības dienests sazināsies ar jums, lai to aizsargātu. Nekad nesakiet paroli vai kodu nevienam, kas zvana vai raksta: palīdzības dienests tos nekad neprasa.',
  'ownAccount.ssprRegistered': 'Paroli varat atiestatīt pašu spēkiem vietnē https://aka.ms/sspr: reģistrācija tam ir veikta.',
  'ownAccount.ssprNotRegistered':
    'Jūsu konts nav reģistrēts paroles pašapkalpošanās atiestatīšanai, tāpēc pagaidām paroli jāatiestata palīdzības dienestam. Kad atkal varat pierakstīties, reģistrējieties vietnē https://aka.ms/setupsecurityinfo.',
  'ownAccount.ssprNotEnabled': 'Paroles pašapkalpošanās atiestatīšana jūsu kontam nav ieslēgta: paroles atiestata palīdzības dienests.',
  'ownAccount.nothingSeen': 'Šobrīd jūsu kontā neredzu problēmu: tas nav bloķēts, un sūtīšana ir atļauta.',
  'ownAccount.couldNotLook': 'Šobrīd nevarēju apskatīt jūsu kontu. Parasti palīdz šis:',
  // Palīdzības pieprasījumi
  'selfService.askHelpdesk': 'Jautāt palīdzības dienestam',
  'helpRequest.sent': 'Nodevu jūsu pieprasījumu palīdzības dienestam (atsauce {reference}). Kad kāds to paņems, paziņošu šeit.',
  'helpRequest.noChannel':
    'Jūsu pieprasījums ir saglabāts (atsauce {reference}), bet palīdzības dienests vēl nav izvēlējies kanālu Unlock pieprasījumiem. Lūdzu, sazinieties ar palīdzības dienestu citā veidā: {contact}.',
  'helpRequest.notDelivered':
    'Jūsu pieprasījums ir saglabāts (atsauce {reference}), bet pašlaik to neizdevās nodot palīdzības dienestam. Lūdzu, sazinieties ar palīdzības dienestu citā veidā: {contact}.',
  'helpRequest.defaultContact': 'zvaniet vai rakstiet, kā parasti',
  'helpRequest.alreadySent': 'Šis jau ir nosūtīts palīdzības dienestam (atsauce {reference}). Statuss: {status}.',
  'helpRequest.channelSet':
    'Turpmāk palīdzības pieprasījumi tiks publicēti šajā kanālā. Paņemt un atrisināt tos var tikai palīdzības dienesta grupas dalībnieki.',
  'helpRequest.channelOnly': 'Rakstiet to kanālā, kurā jānonāk palīdzības pieprasījumiem, un pieminiet mani tur.',
  'helpRequest.otherConversation': 'Šis palīdzības pieprasījums darbojas tikai tajā pieprasījumu kanālā, kurā tas tika publicēts. Nekas netika mainīts.',
  'helpRequest.notOperator': 'To ar palīdzības pieprasījumiem var darīt tikai palīdzības dienesta grupas dalībnieki.',
  'helpRequest.card.heading': 'Palīdzības pieprasījums: {name}',
  'helpRequest.card.askedBy': 'Jautāja {name} (kā to pierakstīja Teams), {time}.',
  'helpRequest.card.forSelf': 'Kam: sev.',
  'helpRequest.card.forColleague':
    '**Citas personas vārdā: {name}.** Pirms kaut ko maināt, pārliecinieties, ka {requester} drīkst to lūgt šīs personas vārdā: krāpnieki mēdz jautāt citu vārdā.',
  'helpRequest.card.forUnnamedColleague':
    '**Citas personas vārdā, vārds nav minēts.** Pirms kaut ko maināt, pārliecinieties, ka {requester} drīkst to lūgt šīs personas vārdā: krāpnieki mēdz jautāt citu vārdā.',
  'helpRequest.card.wrote': 'Rakstīja: "{text}"',
  'helpRequest.card.status': 'Statuss: {status}',
  'helpRequest.card.alreadyChanged': 'Nekas netika mainīts: pieprasījuma statuss jau ir {status}.',
  'helpRequest.button.take': 'Paņemt',
  'helpRequest.button.resolve': 'Atrisināts',
  'helpRequest.status.open': 'atvērts',
  'helpRequest.status.taken': 'paņēma {name}, {time}',
  'helpRequest.status.resolved': 'atrisināja {name}, {time}',
  'helpRequest.notice.taken': 'Jūsu palīdzības pieprasījumu (atsauce {reference}) paņēma {name} no palīdzības dienesta un sazināsies ar jums.',
  'helpRequest.notice.resolved':
    '{name} no palīdzības dienesta atzīmēja jūsu palīdzības pieprasījumu (atsauce {reference}) kā atrisinātu. Ja palīdzība vēl vajadzīga, rakstiet man šeit.',
  'helpRequest.list.heading': 'Palīdzības pieprasījumi, atvērtie vispirms',
  'helpRequest.list.none': 'Palīdzības pieprasījumu vēl nav.',
  'helpRequest.list.line': '{status} · {requester}, kam: {forWhom} · {time} · "{text}"',
  'helpRequest.list.self': 'sev',
  'helpRequest.list.colleague': 'citas personas vārdā: {name}',
  'helpRequest.list.unnamedColleague': 'citas personas vārdā, vārds nav minēts',
  'helpRequest.status.withdrawn': 'atsauca {name}, {time}',
  'helpRequest.card.assigned': 'Nodots: {name} (nodeva {by}, {time}).',
  'helpRequest.card.note': 'Piezīme no {name}: "{note}"',
  'helpRequest.card.steps': 'Kontā kopš pieprasījuma izdarīts: {steps}.',
  'helpRequest.card.noSteps': 'Kopš pieprasījuma Unlock kontā nav reģistrējis nevienu izmaiņu.',
  'helpRequest.card.reminder': '⏰ Atgādinājums: šo pieprasījumu neviens nav paņēmis jau {minutes} minūtes.',
  'helpRequest.step': '{step} ({name}, {time})',
  'helpRequest.button.checkAccount': 'Pārbaudīt kontu',
  'helpRequest.button.assign': 'Nodot …',
  'helpRequest.button.assignTo': 'Nodot',
  'helpRequest.button.resolveWithNote': 'Atrisināt ar šo piezīmi',
  'helpRequest.button.chat': 'Tērzēt ar: {name}',
  'helpRequest.button.withdraw': 'Atsaukt pieprasījumu',
  'helpRequest.assign.label': 'Kam nodot šo pieprasījumu (palīdzības dienesta grupas dalībnieki):',
  'helpRequest.assign.noMembers': 'Palīdzības dienesta grupā nav neviena cita, kam nodot šo pieprasījumu.',
  'helpRequest.assign.notOperator': 'Nekas netika mainīts: šī persona (vairs) nav palīdzības dienesta grupā.',
  'helpRequest.resolve.noteLabel': 'Kas tika izdarīts, vienā teikumā (to lasīs pieprasītājs):',
  'helpRequest.resolve.noteNeeded': 'Uzrakstiet īsu piezīmi pieprasītājam un noklikšķiniet uz "Atrisināt ar šo piezīmi".',
  'helpRequest.check.sent': 'Konta pārbaudes rezultāti ({name}) ir jūsu privātajā tērzēšanā ar Unlock.',
  'helpRequest.check.notSent': 'Šobrīd nevarēju piekļūt jūsu privātajai tērzēšanai ar Unlock. Atveriet to un ierakstiet "check {name}".',
  'helpRequest.check.unnamed': 'Pieprasījumā nav minēts neviens vārds. Pirms pārbaudāt kādu kontu, noskaidrojiet, par ko ir runa (pieprasītājs: {requester}), un pārliecinieties, ka jautāt drīkst.',
  'helpRequest.check.heading': 'No palīdzības pieprasījuma, ko iesniedza {requester} (atsauce {reference})',
  'helpRequest.notice.withdrawnToOperator': '{requester} atsauca palīdzības pieprasījumu (atsauce {reference}): "{text}". Ar to vairs nekas nav jādara.',
  'helpRequest.card.requesterNotNotified': '⚠️ {name}: paziņojumu par šīm izmaiņām tērzēšanā ar Unlock nevarēja nosūtīt, sazinieties tieši.',
  'helpRequest.notice.assignee': '{by} jums nodeva palīdzības pieprasījumu, ko iesniedza {requester} (atsauce {reference}): "{text}". Tā kartīte ir palīdzības pieprasījumu kanālā.',
  'helpRequest.notice.resolvedWithNote':
    '{name} no palīdzības dienesta atrisināja jūsu palīdzības pieprasījumu (atsauce {reference}): "{note}" Ja palīdzība vēl vajadzīga, rakstiet man šeit.',
  'helpRequest.notice.stepsOnYourAccount': 'Jūsu kontā izdarīts: {steps}.',
  'helpRequest.withdrawn': 'Jūs atsaucāt savu palīdzības pieprasījumu (atsauce {reference}). Palīdzības dienests to vairs neizskatīs.',
  'helpRequest.withdraw.notYours': 'Palīdzības pieprasījumu var atsaukt tikai tā iesniedzējs, tajā pašā tērzēšanā, kur to iesniedza. Nekas netika mainīts.',
  'helpRequest.withdraw.nothingOpen': 'Jums nav neviena atvērta palīdzības pieprasījuma, ko atsaukt.',

  // Cards
  'card.severity.blocking': '⛔ Bloķējošs',
  'card.severity.warning': '⚠️ Brīdinājums',
  'card.severity.info': 'ℹ️ Piezīme',
  'card.severity.ok': '✅ Kārtībā',
  'card.findings.heading': 'Konta pārbaude: {name}',
  'card.findings.checkedAt': 'Pārbaudīts {time}. Katra poga pirms jebkādām izmaiņām vēlreiz pārbauda kontu.',
  'card.button.recheck': 'Pārbaudīt vēlreiz',
  'card.button.more': 'Citas darbības',
  'card.button.details': 'Sīkāk',
  'card.findings.checkedAtOnly': 'Pārbaudīts {time}.',
  'card.choice.heading': 'Vaicājumam "{query}" atbilst vairāki cilvēki. Kuram lietotājam nav piekļuves kontam?',
  'card.choice.hint': 'Izvēlieties vienu vai ievadiet precīzāku vārdu vai e-pasta adresi.',
  'card.choice.didYouMean': {
    zero: 'Vaicājumam "{query}" neatbilst neviens lietotājs. Vai domājāt kādu no šiem?',
    one: 'Vaicājumam "{query}" neatbilst neviens lietotājs. Vai domājāt šo lietotāju?',
    other: 'Vaicājumam "{query}" neatbilst neviens lietotājs. Vai domājāt kādu no šiem?',
  },
  'card.choice.more': {
    zero: 'Atbilst vairāk cilvēku; šeit parādīti tikai pirmie {count}. Izvēlieties vai ievadiet precīzāku vārdu vai e-pasta adresi.',
    one: 'Atbilst vairāk cilvēku; šeit parādīts tikai {count} rezultāts. Izvēlieties vai ievadiet precīzāku vārdu vai e-pasta adresi.',
    other: 'Atbilst vairāk cilvēku; šeit parādīti tikai pirmie {count}. Izvēlieties vai ievadiet precīzāku vārdu vai e-pasta adresi.',
  },
  'card.confirm.yes': 'Jā, izpildīt',
  'card.verify.label': 'Kā pārbaudījāt pieprasītāju?',
  'card.verify.required': 'Izvēlieties, kā pārbaudījāt pieprasītāju.',
  'card.verify.calledBack': 'Atzvanīju uz tālruņa numuru no direktorija',
  'card.verify.inPerson': 'Klātienē, pēc personu apliecinoša dokumenta',
  'card.verify.manager': 'Apstiprināja lietotāja vadītājs',
  'card.confirm.stillOpen': 'Šis konts, šķiet, ir kompromitēts, un vēl nav veiktas šīs darbības: {steps}. Vispirms aizsargājiet kontu, ja vien nav droši zināms, ka to kontrolē pats lietotājs.',
  'card.confirm.no': 'Atcelt',
  'card.confirm.passwordNote':
    'Vispirms pārliecinieties, ka runājat ar pašu lietotāju (piemēram, atzvaniet uz numuru, kas jums jau ir zināms), un tikai tad turpiniet. Pagaidu parole tiek rādīta tikai jums.',
  'card.password.heading': 'Pagaidu parole lietotājam {name}',
  'card.password.instructions':
    'Nododiet šo paroli lietotājam {name} pa tālruni vai klātienē. Nākamreiz pierakstoties, lietotājam tā būs jānomaina.',
  'card.password.notStored': 'Tā tiek rādīta tikai jums un tikai šeit, un Unlock nesaglabā tās kopiju.',
  'card.password.hide': 'Nodots: paslēpt',
  'card.password.hiddenHeading': 'Pagaidu parole paslēpta',
  'card.password.hidden':
    'Pagaidu parole ir paslēpta, un Unlock to nesaglabāja. Ja tā ir pazaudēta, pārbaudiet lietotāju vēlreiz savā individuālajā (1:1) tērzēšanā ar Unlock un atiestatiet paroli vēlreiz, sākot no {time} (vienā kontā darbību divas minūtes atkārtot nevar): jauno paroli redzēsiet tikai jūs, tur.',
  'card.tap.heading': 'Pagaidu piekļuves caurlaide: {name}',
  'card.tap.instructions':
    'Pēc identitātes pārbaudes nododiet to lietotājam {name} pa tālruni vai klātienē. Ar to var pierakstīties vietnē https://aka.ms/mysecurityinfo un pievienot jaunu pierakstīšanās metodi.',
  'card.tap.validity': 'Derīga no {start} līdz {end}.',
  'card.tap.once': 'Der vienai pierakstīšanās reizei.',
  'card.tap.reusable': 'Līdz tam der jebkuram pierakstīšanās reižu skaitam.',
  'card.tap.hiddenHeading': 'Pagaidu piekļuves caurlaide paslēpta',
  'card.tap.hidden':
    'Pagaidu piekļuves caurlaide ir paslēpta. Ja tā ir pazaudēta, pārbaudiet lietotāju vēlreiz un izsniedziet jaunu, sākot no {time} (vienā kontā darbību divas minūtes atkārtot nevar): jaunā caurlaide aizstāj veco.',
  'card.choice.lifetime': 'Derīguma ilgums',
  'card.choice.usableOnce': 'Vienreizēja: pēc pirmās pierakstīšanās vairs nedarbojas',
  'card.lifetime.minutes': { zero: '{count} minūtes', one: '{count} minūte', other: '{count} minūtes' },
  'card.lifetime.hours': { zero: '{count} stundas', one: '{count} stunda', other: '{count} stundas' },

  // Results of a remediation, as a banner on the findings card
  'result.done': '{action}: izpildīts.',
  'result.doneWithItem': '{action} {item}: izpildīts.',
  'result.doneDelay': 'Var paiet dažas minūtes, līdz izmaiņas nonāk visos Microsoft 365 pakalpojumos.',
  'result.partNotDone': '{action}: nav izpildīts. Darbība paliek kartītē: atlasiet to, lai to veiktu atsevišķi un uzzinātu, kāpēc tā netika izpildīta.',
  'result.partNotDoneWithItem': '{action} {item}: nav izpildīts. Darbība paliek kartītē: atlasiet to, lai to veiktu atsevišķi un uzzinātu, kāpēc tā netika izpildīta.',
  'result.doneDelay.unblockSending': 'Sūtīšana parasti atkal darbojas stundas laikā, retos gadījumos tas var aizņemt līdz 24 stundām.',
  'result.failed.unblockInDefender':
    'Lietotāju var atbloķēt arī Microsoft Defender portālā: Restricted entities (https://security.microsoft.com/restrictedentities), meklējiet {address}.',
  'result.donePassword': 'Pagaidu parole ir atsevišķā ziņojumā, kas redzams tikai jums.',
  'result.donePass': 'Pagaidu piekļuves caurlaide ir atsevišķā ziņojumā, kas redzams tikai jums.',
  'result.passwordOnlyInPersonalChat':
    'Drošības nolūkos paroles tiek atiestatītas tikai jūsu individuālajā (1:1) tērzēšanā ar Unlock, lai pagaidu parole nekad netiktu parādīta grupai. Atveriet tērzēšanu ar Unlock un pārbaudiet lietotāju tur.',
  'result.cancelled': 'Atcelts. Nekas netika mainīts.',
  'result.notNeeded':
    '{action}: vairs nav vajadzīgs. Konts tikko tika pārbaudīts vēlreiz; pašreizējais stāvoklis ir redzams zemāk.',
  'result.notOperator':
    'Izmaiņas var veikt tikai palīdzības dienesta grupas dalībnieki. Nekas netika mainīts. Ja nepieciešams, palūdziet savam Microsoft 365 administratoram pievienot jūs palīdzības dienesta grupai.',
  'result.notOffered': 'Šajā kartītē šī darbība netiek piedāvāta. Nekas netika mainīts.',
  'result.confirmationUsed':
    'Šis apstiprinājums jau ir izmantots. Lai darbību izpildītu vēlreiz, kartītē vēlreiz noklikšķiniet uz tās. Nekas vairāk netika mainīts.',
  'result.notVerified':
    'Pirms šīs izmaiņas norādiet, kā pārbaudījāt, ka pieprasītājs ir pats lietotājs (vai drīkst pieprasīt lietotāja vārdā). Nekas netika mainīts.',
  'result.secureFirst':
    'Šis konts, šķiet, ir kompromitēts: darbība "{action}" gaida, līdz konts ir aizsargāts. Vispirms izpildiet "{first}", tad mēģiniet vēlreiz. Nekas netika mainīts.',
  'result.secureFirstTwo':
    'Šis konts, šķiet, ir kompromitēts: darbība "{action}" gaida, līdz konts ir aizsargāts. Vispirms izpildiet "{first}" un "{second}", tad mēģiniet vēlreiz. Nekas netika mainīts.',
  'result.otherConversation': 'Šī kartīte ir izveidota citā tērzēšanā, tāpēc šeit tā nedarbojas. Pārbaudiet lietotāju vēlreiz šajā tērzēšanā. Nekas netika mainīts.',
  'result.staleCard': {
    zero: 'Šī kartīte ir {count} minūtes veca. Konti mainās, tāpēc pirms izmaiņām pārbaudiet kontu vēlreiz. Nekas netika mainīts.',
    one: 'Šī kartīte ir {count} minūti veca. Konti mainās, tāpēc pirms izmaiņām pārbaudiet kontu vēlreiz. Nekas netika mainīts.',
    other: 'Šī kartīte ir {count} minūtes veca. Konti mainās, tāpēc pirms izmaiņām pārbaudiet kontu vēlreiz. Nekas netika mainīts.',
  },
  'result.alreadyClaimed':
    'Darbību "{action}" šajā kontā jau izpildīja {name} ({time}). Lai tā netiktu izpildīta divreiz, divas minūtes to atkārtot nevar: atkārtot var, sākot no {until}. Nekas vairāk netika mainīts.',
  'result.alreadyClaimedByYou':
    'Jūs jau izpildījāt darbību "{action}" šajā kontā ({time}). Lai tā netiktu izpildīta divreiz, divas minūtes to atkārtot nevar: atkārtot var, sākot no {until}. Nekas vairāk netika mainīts.',
  'result.alreadyClaimedOther':
    '{name} šim kontam jau izvēlējās "{done}" ({time}); tas atbild uz to pašu jautājumu kā "{action}". Pirms mainīt šo atbildi, pārbaudiet kontu vēlreiz. Nekas vairāk netika mainīts.',
  'result.alreadyClaimedOtherByYou':
    'Jūs šim kontam jau izvēlējāties "{done}" ({time}); tas atbild uz to pašu jautājumu kā "{action}". Pirms mainīt šo atbildi, pārbaudiet kontu vēlreiz. Nekas vairāk netika mainīts.',
  'result.doneBy': 'Izpildīja: {name}, {time}.',
  'result.doneByYou': 'Izpildījāt jūs, {time}.',
  'result.privilegedTarget':
    'Šim kontam ir administratora loma vai tas to var aktivizēt ({roles}). Unlock nemaina administratoru kontus. Jārīkojas privileģētās autentifikācijas administratoram vai globālajam administratoram Microsoft Entra administrēšanas centrā. Nekas netika mainīts.',
  'result.protectedTarget.operator':
    'Šis konts pieder palīdzības dienesta operatoram, un Unlock operatoru kontus nemaina. Administrators var rīkoties Microsoft Entra administrēšanas centrā. Nekas netika mainīts.',
  'result.protectedTarget.group':
    'Šis konts ir aizsargātā grupā, un Unlock to nemaina. Administrators var rīkoties Microsoft Entra administrēšanas centrā. Nekas netika mainīts.',
  'result.rolesUnknown':
    'Unlock nevarēja pārbaudīt, vai šim kontam ir administratora loma, tāpēc to nemaina. Nekas netika mainīts.',
  'result.userNotFound': 'Lietotājs direktorijā vairs nepastāv. Nekas netika mainīts.',
  'result.unavailable': 'Nevarēja sazināties ar Microsoft 365. Nekas netika mainīts.',
  'result.failed': '{action}: neizdevās.',
  'result.failed.rejected':
    'Microsoft 365 noraidīja izmaiņas ({code}). Ja konts tiek sinhronizēts no lokālā Active Directory, veiciet izmaiņas tur.',
  'result.failed.permission':
    'Lietotnei Unlock trūkst atļaujas vai lomas šīm izmaiņām ({code}). Palūdziet savam Microsoft 365 administratoram to piešķirt (skatiet README).',
  'result.failed.unknown':
    'Microsoft 365 neatbildēja, tāpēc Unlock nevar zināt, vai izmaiņas tika veiktas. Pirms nākamā mēģinājuma vēlreiz pārbaudiet kontu.',
  'result.failed.other':
    'Microsoft 365 neveica izmaiņas ({code}). Nekas netika mainīts; mēģiniet vēlreiz pēc dažām minūtēm.',
  'result.requestId': 'Microsoft pieprasījuma ID: {requestId}',

  // Guidance steps
  'guidance.checklist.heading': 'Kompromitēta konta kontrolsaraksts: {name}',
  'guidance.checklist.found': 'Ko Unlock atrada:',
  'guidance.checklist.finding': '– {finding}',
  'guidance.checklist.sends': '– Kārtula {rule} pārsūta pastu uz: {recipients}.',
  'guidance.checklist.steps': 'Šādā secībā:',
  'guidance.checklist.todo': '☐ {step}',
  'guidance.checklist.todoMethod': '☐ {step} (pievienota {at}), ja lietotājs šo metodi neatpazīst',
  'guidance.checklist.done': '☑ {step}: izpildīja {actor} {time}',
  'guidance.checklist.signIns':
    '☐ Pārskatiet pēdējo 24 stundu pierakstīšanās ({total}, no: {places}) Microsoft Entra administrēšanas centrā > Pierakstīšanās žurnāli, meklējot vietas un lietotnes, ko lietotājs neatpazīst',
  'guidance.checklist.signInsNone':
    '☐ Pārskatiet pierakstīšanās žurnālu Microsoft Entra administrēšanas centrā (Pierakstīšanās žurnāli), meklējot vietas un lietotnes, ko lietotājs neatpazīst',
  'guidance.checklist.mailbox': '☐ Pārbaudiet pastkastes pāradresāciju un pilnvarotos Exchange administrēšanas centrā: Unlock tos nelasa',
  'guidance.checklist.unblockLast': '☐ {step} tikai pēc iepriekšējām darbībām (bloķēts kopš {since})',
  'guidance.checklist.risk': '☐ Kad konts ir aizsargāts: "{confirm}", ja kontu kontrolēja kāds cits, vai "{dismiss}", ja lietotājs',
  'guidance.checklist.historyUnavailable': 'Unlock pašlaik nevarēja nolasīt jau veiktās darbības; ievadiet "history {upn}", lai tās redzētu.',
  'guidance.checklist.more':
    'Microsoft rokasgrāmata: https://learn.microsoft.com/en-us/defender-office-365/responding-to-a-compromised-email-account',
  'guidance.handOver.heading': 'Nodošana atbalsta dienestam: {name} ({upn})',
  'guidance.handOver.intro':
    'Atveriet pieteikumu Microsoft atbalsta dienestā (Microsoft 365 administrēšanas centrs > Atbalsts > Palīdzība un atbalsts) vai nododiet šo otrā līmeņa palīdzības dienestam kopā ar to, ko atrada Unlock:',
  'guidance.handOver.finding': '{severity} · {title}',
  'guidance.handOver.checkedAt': 'Pārbaudīts {time}.',
  'guidance.handOver.user': 'Lietotājs: {name} · {upn} · objekta ID {id}',
  'guidance.handOver.found': 'Pārbaudē konstatēts:',
  'guidance.handOver.fact': '– {fact}',
  'guidance.handOver.cause': '– {meaning} Kļūda {code}, pēdējo reizi {at}.',
  'guidance.handOver.risk': '– Riska līmenis: {level} · riska stāvoklis: {state} · pēdējoreiz atjaunināts: {at}',
  'guidance.handOver.riskDetail': '– Riska informācija: {detail}',
  'guidance.handOver.ruleActions': '– Kārtulas darbības: {actions}',
  'guidance.handOver.ruleRecipients': '– Pasts tiek pārsūtīts uz: {recipients}',
  'guidance.handOver.signIns': 'Pierakstīšanās pēdējās 24 stundās, jaunākās vispirms:',
  'guidance.handOver.signIn': '– {time} · {result} · {where}',
  'guidance.handOver.signInNowhere': '– {time} · {result}',
  'guidance.handOver.signInError': 'kļūda {code}',
  'guidance.handOver.signInSuccess': 'pierakstījās',
  'guidance.handOver.signInsMore': {
    zero: '– un vēl {count} (Microsoft Entra administrēšanas centrs > Pierakstīšanās žurnāli)',
    one: '– un vēl {count} (Microsoft Entra administrēšanas centrs > Pierakstīšanās žurnāli)',
    other: '– un vēl {count} (Microsoft Entra administrēšanas centrs > Pierakstīšanās žurnāli)',
  },
  'guidance.handOver.taken': 'Unlock jau veiktās darbības, jaunākās vispirms:',
  'guidance.handOver.action': '– {time} · {actor} · {action} · {outcome}',
  'guidance.handOver.withRequestId': '{outcome}, pieprasījuma ID {requestId}',
  'guidance.handOver.noneTaken': '– Nav: Unlock šajā kontā nav reģistrējis nevienu izmaiņu.',
  'guidance.handOver.olderTaken': '– Vecākas darbības: ievadiet "history {upn}".',
  'guidance.handOver.historyUnavailable': '– Unlock pašlaik nevarēja nolasīt iepriekšējo darbību reģistru; vēlāk ievadiet "history {upn}".',
  'guidance.handOver.open': 'Vēl jāizdara:',
  'guidance.handOver.openDone': '– {step} (Unlock to izpildīja {time}; pārbaude joprojām to iesaka)',
  'guidance.handOver.nothingOpen': 'Vēl jāizdara: pārbaudē netika konstatēts nekas, ko Unlock var novērst.',

  // ── Palīdzības dienesta kanāls: kopīgotas kartītes un noslēpumi, kas nosūtīti privāti ─────────
  'card.button.showActions': 'Rādīt darbības',
  'channel.secret.passwordSent': 'Paroli atiestatīja {name}; tā nosūtīta privāti: to redz tikai {name}.',
  'channel.secret.passSent': 'Pagaidu piekļuves caurlaidi izsniedza {name}; tā nosūtīta privāti: to redz tikai {name}.',
  'channel.secret.sentWhere': 'Tā ir individuālajā tērzēšanā ar Unlock, ko redz tikai {name}, nevis šajā kanālā.',
  'channel.secret.privateIntro': 'Palīdzības dienesta kanālā noklikšķinājāt uz **{action}** lietotājam {name}. Rezultāts ir zemāk, šeit, jūsu individuālajā tērzēšanā, kur to redzat tikai jūs; kanāla kartītē rakstīts tikai tas, ka tas nosūtīts jums.',
  'channel.secret.unreachable':
    'Nekas netika mainīts: nevarēju atvērt jūsu individuālo tērzēšanu ar Unlock, bet no kanāla izveidotu paroli vai caurlaidi drīkst sūtīt tikai tur. Pievienojiet Unlock sev (Programmas, Unlock, Pievienot) vai uzrakstiet tai individuālā tērzēšanā, tad noklikšķiniet vēlreiz.',
  'channel.secret.notDelivered':
    '{action}: izpildīts, taču rezultātu nevarēju nogādāt jūsu individuālajā tērzēšanā ar Unlock, un tas nekur netiek glabāts. Izpildiet to vēlreiz individuālajā tērzēšanā ar Unlock.',
  // ── Limits on writes, alerts, and confirmation by the user (or manager) in Teams ───────────────
  'card.verify.userInTeams': 'Lūgt lietotājam apstiprināt programmā Teams (Unlock nosūtīs jautājumu)',
  'card.verify.managerInTeams': 'Lūgt lietotāja vadītājam apstiprināt programmā Teams (Unlock nosūtīs jautājumu)',
  'history.reason.limitReached': 'sasniegts ierobežojums',
  'history.reason.notConfirmedInTeams': 'nav apstiprināts programmā Teams',
  'history.reason.deniedInTeams': 'programmā Teams atbildēts „Nē”',
  'result.limitReached.operator':
    '{action}: sasniegts ierobežojums vienam operatoram, {max} reizes (laika logs: {window}). Nekas netika mainīts, un palīdzības dienests ir brīdināts. Nākamā reize iespējama no {time}.',
  'result.limitReached.target':
    '{action}: šim lietotājam sasniegts ierobežojums, {max} reizes (laika logs: {window}), skaitot visus operatorus. Nekas netika mainīts, un palīdzības dienests ir brīdināts. Nākamā reize iespējama no {time}.',
  'result.notConfirmedInTeams':
    'Nav gaidoša apstiprinājuma no Teams šai izmaiņai. Vēlreiz izvēlieties apstiprināšanu programmā Teams, lai nosūtītu jaunu jautājumu, vai pārbaudiet pieprasītāju citādi. Nekas netika mainīts.',
  'result.deniedInTeams':
    '{name} programmā Teams atbildēja „Nē” ({time}): pieprasījums nenāca no šī lietotāja. Nekas netika mainīts, un palīdzības dienests ir brīdināts.',
  'alert.channelSet':
    'Turpmāk Unlock brīdinājumi tiks publicēti šajā kanālā: sasniegti ierobežojumi un atbilde „Nē” uz apstiprinājuma jautājumu programmā Teams. To mainīt var tikai palīdzības dienesta grupas dalībnieki.',
  'alert.channelOnly': 'Rakstiet to kanālā, kurā jānonāk brīdinājumiem, un pieminiet mani tur.',
  'alert.notOperator': 'Izvēlēties, kur nonāk brīdinājumi, var tikai palīdzības dienesta grupas dalībnieki.',
  'alert.limit.heading': 'Brīdinājums: sasniegts ierobežojums darbībai „{action}”',
  'alert.limit.operator':
    '{operator} mēģināja to izdarīt lietotājam {target} ({time}): tā būtu {attempt}. reize, ko {operator} veic (laika logs: {window}), bet vienam operatoram atļautas {max}. Darbība noraidīta.',
  'alert.limit.target':
    '{operator} mēģināja to izdarīt lietotājam {target} ({time}): tā būtu {attempt}. reize lietotājam {target} (laika logs: {window}, visi operatori kopā), bet vienam lietotājam atļautas {max}. Darbība noraidīta.',
  'alert.limit.repeats': 'Turpmākie mēģinājumi pāri šim ierobežojumam tiks noraidīti un reģistrēti auditā katru reizi, bet jauns brīdinājums šeit netiks publicēts, kamēr nebūs pagājis laika logs ({window}); tos rāda lietotāja vēsture.',
  'alert.limit.advice': 'Noskaidrojiet ar {operator}, kas notiek. Daudz atiestatīšanu īsā laikā liecina par nozagtu palīdzības dienesta kontu vai krāpnieku, kas zvana atkal un atkal.',
  'alert.denied.heading': 'Brīdinājums: programmā Teams atbildēts „Nē”',
  'alert.denied.user':
    '{operator} gatavojās lietotājam {target} veikt darbību „{action}”. Jautāts programmā Teams, {name} atbildēja ({time}), ka pieprasījums nenāca no šī lietotāja. Nekas netika mainīts.',
  'alert.denied.manager':
    '{operator} gatavojās lietotājam {target} veikt darbību „{action}”. Jautāts programmā Teams, lietotāja vadītājs {name} atbildēja ({time}), ka tas netika pieprasīts. Nekas netika mainīts.',
  'alert.denied.advice': 'Iespējams, kāds uzdodas par lietotāju {target}. Sazinieties ar lietotāju {target}, zvanot uz tālruņa numuru no direktorija.',
  'teamsConfirm.ask.resetPassword': 'Palīdzības dienests pēc jūsu lūguma gatavojas atiestatīt jūsu paroli. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.temporaryAccessPass': 'Palīdzības dienests pēc jūsu lūguma gatavojas izsniegt jums pagaidu piekļuves caurlaidi, lai jūs varētu pierakstīties un iestatīt pierakstīšanās metodes. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.removeSignInMethod': 'Palīdzības dienests pēc jūsu lūguma gatavojas noņemt vienu no jūsu pierakstīšanās metodēm. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.dismissRisk': 'Palīdzības dienests pēc jūsu lūguma gatavojas atkal atzīmēt jūsu kontu kā drošu. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.unblockSending': 'Palīdzības dienests pēc jūsu lūguma gatavojas atkal atļaut jūsu pastkastei sūtīt e-pastu. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.allowSignIn': 'Palīdzības dienests pēc jūsu lūguma gatavojas atkal atļaut pierakstīšanos jūsu kontā. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.secureAccount':
    'Palīdzības dienests pēc jūsu lūguma gatavojas aizsargāt jūsu kontu: jauna parole, aizdomīgu pasta kārtulu un pierakstīšanās metožu noņemšana un izrakstīšana visur. Vai to lūdzāt jūs?',
  'teamsConfirm.ask.manager': 'Palīdzības dienests tika lūgts lietotājam {user}, kas ir jūsu padotais, veikt darbību „{action}”. Vai {user} to lūdza?',
  'teamsConfirm.asker': 'Jautā {operator} no palīdzības dienesta ({time}). Ja jūs to nelūdzāt, atbildiet „Nē”: nekas netiks mainīts, un palīdzības dienests tiks brīdināts.',
  'teamsConfirm.yes': 'Jā',
  'teamsConfirm.no': 'Nē',
  'teamsConfirm.thanksYes': 'Paldies! Palīdzības dienests var turpināt.',
  'teamsConfirm.thanksNo': 'Paldies! Nekas netiks mainīts, un palīdzības dienests ir brīdināts.',
  'teamsConfirm.gone': 'Šim jautājumam beidzies termiņš, vai uz to jau atbildēts. Nekas netika mainīts.',
  'teamsConfirm.sent':
    'Programmā Teams palūdzu lietotājam {name} apstiprināt darbību „{action}”. Kad {name} atbildēs „Jā”, šeit parādīsies apstiprinājums. Jautājums ir derīgs {minutes} minūtes. Pagaidām nekas nav mainīts.',
  'teamsConfirm.notReached': 'Nevarēju programmā Teams sazināties ar lietotāju {name}, tāpēc nekas netika mainīts. Pārbaudiet pieprasītāju citādi.',
  'teamsConfirm.noManager': 'Direktorijā lietotājam {user} nav norādīts vadītājs, tāpēc nekas netika jautāts un nekas netika mainīts. Pārbaudiet pieprasītāju citādi.',
  'teamsConfirm.askedIsOperator': 'Direktorijā jūsu konts ir norādīts kā vadītājs lietotājam {user}, taču pieprasītājs nevar apstiprināt savu pieprasījumu. Pārbaudiet to citādi. Nekas netika mainīts.',
  'teamsConfirm.confirmed': '{name} apstiprināja programmā Teams ({time}). Turpināt?',
  'teamsConfirm.continue': 'Turpināt: {action}',
} as const satisfies LatvianMessages<typeof enConversation>;
