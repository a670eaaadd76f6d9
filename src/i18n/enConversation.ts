/** English messages of the conversation: prompts, replies, card labels and errors. */
import type { Message } from './messages';

export const enConversation = {
  // Replies
  'error.unexpected':
    'Something went wrong on our side (reference {reference}). If you were making a change, check the account again to see whether it was made before you retry. If it keeps happening, give this reference to your Unlock administrator.',
  'unlock.ask': 'Which user is locked out? Type their e-mail address, user name or part of their name.',
  'unlock.askAgain': 'Which user is locked out? Type an e-mail address or a name, or "cancel" to stop.',
  // "she forgot her password": the request is clear, the person is not.
  'unlock.askForStep': 'Who is this about? Type their e-mail address or name, and I will check the account with "{step}" first.',
  'unlock.askAgainForStep': 'Who is this about? Type an e-mail address or a name ("{step}" will be first on the card), or "cancel" to stop.',
  'unlock.noMatch': 'I found no user matching "{query}". Check the spelling, or try the e-mail address.',
  'unlock.namesakes':
    '{count} people are called {name}: the card of each follows. Check what the caller says against the facts on each card, and act only on the right one.',
  // What was typed was an address: suggesting an address is no help.
  'unlock.noMatchAddress': 'I found no user with the address "{query}". Check the spelling, or type part of their name instead.',
  'unlock.tooManyTries':
    'I could not find the user after {count} tries. Try their full e-mail address (as in the Microsoft 365 admin center, Users > Active users), or type "help".',
  'unlock.tooManyTriesAddress':
    'I could not find the user after {count} tries. Type part of their name instead, or look the address up in the Microsoft 365 admin center (Users > Active users); it may be an old or mistyped one. Type "help" for more.',
  'unlock.refused.empty': 'Please type a name or an e-mail address.',
  'unlock.refused.tooLong': 'That is too long for a name or an e-mail address. Please type just the user\'s address or name.',
  'unlock.refused.unsupportedCharacters':
    'A name or an e-mail address cannot contain some of those characters. Please type just the user\'s address or name.',
  'unlock.userGone': 'That user no longer exists in the directory. Type "unlock" to look someone up again.',
  'unlock.chosen': 'Checking {name}.',
  'unlock.unavailable': 'I could not check the account just now. Nothing was changed.',
  'unlock.notOperator':
    'Only members of the helpdesk group can check other people\'s accounts. If you are locked out yourself, use https://aka.ms/sspr to reset your password, or ask your helpdesk.',
  'unlock.cancelled': 'Cancelled. Nothing was changed. Type "unlock" when you need me again.',
  'unlock.nothingToCancel': 'There is nothing to cancel. Type "unlock" to check an account.',
  'unlock.staleCard': 'This card has expired or is not one of mine. Type "unlock" to check the account again.',
  'unlock.unknownCommand': 'I did not understand that. Type "unlock" to check a locked-out account, or "help".',
  'chat.hello':
    'Hello! I am Unlock. I help the helpdesk get people back into Microsoft 365: say who and what, for example **reset the password for Megan Bowen** or **unlock anna.berzina@contoso.com** (helpdesk only). If you cannot sign in yourself, tell me in your own words and I will say what to try first. Type **help** for more.',
  'chat.thanks': 'You are welcome! Type **help** whenever you need me.',
  'surface.helpOnly':
    'Here I only give help, because everyone in this chat would see the account details. Check accounts in your 1:1 chat with Unlock, or in the helpdesk channel.',
  'help.heading': 'Unlock helps you get people back into Microsoft 365',
  'help.unlock': '**unlock** — asks which user is locked out, checks the account and shows what is wrong with a button for each fix.',
  'help.unlockWithUser': '**unlock anna.berzina@contoso.com** or **check Megan Bowen** — checks that user straight away.',
  'help.plainRequests':
    'Or say it in your own words: **reset the password for Megan Bowen**, **is anna.berzina@contoso.com locked out?**, **atiestati paroli Annai Bērziņai**.',
  'help.cancel': '**cancel** — stops what we are doing. Nothing is changed unless you confirm it.',
  'help.endUser.heading': 'What you can ask me',
  'help.endUser.ownWords':
    'Tell me in your own words what is wrong, for example **I can\'t sign in**, **I forgot my password** or **I can\'t send e-mail**: I look at your own account and say what to try first.',
  'help.endUser.privacy': 'I only look at your own account. The helpdesk will never ask you for your password.',
  'help.security':
    'Every change asks for confirmation, is checked against your rights at the moment you click, and is recorded. Unlock never changes administrator accounts.',

  'help.history':
    '**history anna.berzina@contoso.com** — the Unlock actions on that user, newest first, ten at a time (**more** shows older ones); **history anna.berzina@contoso.com refused** shows only the refusals (operators only).',
  'history.notOperator': 'Only members of the helpdesk group can see the history of actions on an account.',
  'history.usage': 'Type "history" followed by the user\'s e-mail address, for example: history anna.berzina@contoso.com',
  'history.noMatch': 'I found no single user matching that. Type "history" followed by their e-mail address.',
  'history.several': 'Several people match that. Type "history" followed by the user\'s full e-mail address.',
  'history.heading': 'Recent Unlock actions on {name}',
  'history.empty': 'Unlock has recorded no actions on this account.',
  'history.headingOlder': 'Older Unlock actions on {name}',
  'history.headingRefused': 'Refused Unlock actions on {name}',
  'history.headingRefusedOlder': 'Older refused Unlock actions on {name}',
  'history.emptyRefused': 'Unlock has recorded no refused actions on this account.',
  'history.noneOnThisPage': 'Nothing of that kind among the actions read so far.',
  'history.refusedAttempts': {
    one: '{time} · {count} refused attempt by {actor} (not a helpdesk operator)',
    other: '{time} · {count} refused attempts by {actor} (not a helpdesk operator), the first at {since}',
  },
  'history.more': 'More',
  'history.moreWord': 'more',
  'history.moreHint': 'Type "more" or press More for older actions.',
  'history.noMore': 'That is all: Unlock has recorded no older actions on {name}.',
  'history.entry': '{time} · {actor} · {action} · {outcome}',
  'history.outcomeVerified': '{outcome} · {how}',
  'history.verified.calledBack': 'verified: called back on a directory number',
  'history.verified.inPerson': 'verified: in person with an ID',
  'history.verified.manager': 'verified: confirmed by their manager',
  'history.verified.userSaidYes': 'verified: {name} said Yes in Teams',
  'history.verified.managerSaidYes': 'verified: their manager {name} said Yes in Teams',
  'history.verified.askedInTeams': 'verification: asked in Teams',
  'history.deniedBy': 'No from {name} in Teams',
  'history.outcome.attempted': 'started, no result recorded',
  'history.outcome.succeeded': 'done',
  'history.outcome.refused': 'refused ({detail})',
  'history.outcome.failed': 'failed ({detail})',
  'history.reason.notOperator': 'not a helpdesk operator',
  'history.reason.notPersonalChat': 'passwords only in a 1:1 chat',
  'history.reason.notOffered': 'not offered on that card',
  'history.reason.otherConversation': 'card from another chat',
  'history.reason.notVerified': 'requester not verified',
  'history.reason.confirmationUsed': 'confirmation used already',
  'history.reason.secureFirst': 'account not secured first',
  'history.reason.staleCard': 'card too old',
  'history.reason.alreadyClaimed': 'just done already',
  'history.reason.privilegedTarget': 'administrator account',
  'history.reason.rolesUnknown': 'roles could not be checked',
  'history.reason.notNeeded': 'not needed',
  'history.reason.userNotFound': 'user no longer exists',
  'history.reason.unavailable': 'Microsoft 365 could not be reached',
  'history.reason.cannotRun': 'not possible for this user',
  'history.reason.protectedTarget': 'operator or protected group',

  'help.language': '**language lv** or **language en** — chooses the language I answer in; **language auto** follows Teams again.',
  'language.name.en': 'English',
  'language.name.lv': 'latviešu',
  'language.set': 'From now on I answer you in {language}.',
  'language.auto': 'I follow your Teams language again ({language} now).',
  'language.current': 'I answer you in {language}. Type "language lv", "language en" or "language auto" to change it.',
  'selfService.cantSignIn.heading': 'Can\'t sign in to Microsoft 365?',
  'selfService.accountLocked.heading': 'Is your account locked?',
  'selfService.cantSendMail.heading': 'Can\'t send email?',
  'selfService.sspr':
    'If you forgot your password, reset it yourself at https://aka.ms/sspr (you need the phone or app you registered for security info).',
  'selfService.lockoutWait':
    'After too many wrong passwords the account locks for a minute or more, and longer after repeated attempts. Wait, then sign in carefully, or reset the password at https://aka.ms/sspr.',
  'selfService.bounce':
    'If your messages come back with error 5.1.8, Microsoft 365 has stopped your account from sending, usually after a suspected compromise. Only the helpdesk can lift this, after securing your account.',
  'selfService.operators':
    'If that does not help, contact your helpdesk. They will never ask you for your password.',
  'selfService.operatorsOnly': 'Contact your helpdesk: they will help you. They will never ask you for your password.',

  'ownAccount.heading': 'What I see on your account',
  'ownAccount.intro': 'I looked at your own account ({upn}) only.',
  'ownAccount.restrictedSender':
    'Microsoft 365 has stopped your account from sending e-mail{since}, because it looked as if someone else was sending spam from it. Your messages bounce (error 5.1.8) until the helpdesk lifts the block; receiving still works. The helpdesk first makes sure the account is safe (a new password, signing you out everywhere), then lifts it: that takes effect within an hour, in rare cases up to 24 hours.',
  'ownAccount.since': ' since {time}',
  'ownAccount.smartLockout':
    'Your account is locked for now after too many wrong passwords. It unlocks by itself, at the earliest at {until}; every new wrong password makes the wait longer, so wait before you try again.',
  'ownAccount.signInBlocked': 'Sign-in to your account has been turned off by an administrator. Only the helpdesk can turn it back on, and they will want to know why it was turned off.',
  'ownAccount.mfaTrouble':
    'Your sign-ins fail at the second step (the code, the app or the phone call). If you lost or replaced your phone, the helpdesk will need to confirm it is you (calling you back on the number in the directory, or seeing you in person) and then give you a one-time pass to set up your sign-in method again.',
  'ownAccount.wrongPassword': 'Your last sign-ins failed with a wrong or expired password ({count} times). Check Caps Lock and the keyboard language.',
  'ownAccount.atRisk':
    'Microsoft 365 has flagged your account as possibly used by someone else. The helpdesk will contact you to secure it. Never give your password or a code to anyone who calls or writes: the helpdesk never asks for them.',
  'ownAccount.ssprRegistered': 'You can reset your password yourself at https://aka.ms/sspr: you are registered for it.',
  'ownAccount.ssprNotRegistered':
    'You are not registered for self-service password reset, so for now the helpdesk has to reset your password. Once you are back in, register at https://aka.ms/setupsecurityinfo.',
  'ownAccount.ssprNotEnabled': 'Self-service password reset is not turned on for your account: the helpdesk resets passwords for you.',
  'ownAccount.nothingSeen': 'I see nothing wrong with your account right now: it is not locked or blocked, and sending is allowed.',
  'ownAccount.couldNotLook': 'I could not look at your account just now. This is what usually helps:',
  // Help requests
  'selfService.askHelpdesk': 'Ask the helpdesk',
  'helpRequest.sent': 'I have passed your request to the helpdesk (reference {reference}). I will tell you here when someone takes it.',
  'helpRequest.noChannel':
    'I have saved your request (reference {reference}), but the helpdesk has not chosen a channel for requests in Unlock yet. Please contact the helpdesk another way: {contact}.',
  'helpRequest.notDelivered':
    'I have saved your request (reference {reference}), but could not pass it to the helpdesk just now. Please contact the helpdesk another way: {contact}.',
  'helpRequest.defaultContact': 'call or write to them as you usually would',
  'helpRequest.alreadySent': 'You have already sent this to the helpdesk (reference {reference}). It is: {status}.',
  'helpRequest.channelSet':
    'Help requests will be posted in this channel from now on. Only members of the helpdesk group can take and resolve them.',
  'helpRequest.channelOnly': 'Say this in the channel where help requests should go, mentioning me there.',
  'helpRequest.otherConversation': 'This help request acts only in the help-request channel it was posted to. Nothing was changed.',
  'helpRequest.notOperator': 'Only members of the helpdesk group can do that with help requests.',
  'helpRequest.card.heading': 'Help request from {name}',
  'helpRequest.card.askedBy': 'Asked by {name}, as Teams signed them in, at {time}.',
  'helpRequest.card.forSelf': 'For: themselves.',
  'helpRequest.card.forColleague':
    '**For someone else: {name}.** Make sure {requester} may ask for this person before you change anything: impostors ask on behalf of others.',
  'helpRequest.card.forUnnamedColleague':
    '**For someone else, not named.** Make sure {requester} may ask for this person before you change anything: impostors ask on behalf of others.',
  'helpRequest.card.wrote': 'They wrote: "{text}"',
  'helpRequest.card.status': 'Status: {status}',
  'helpRequest.card.alreadyChanged': 'Nothing changed: the request is already {status}.',
  'helpRequest.button.take': 'Take',
  'helpRequest.button.resolve': 'Resolve',
  'helpRequest.status.open': 'open',
  'helpRequest.status.taken': 'taken by {name} at {time}',
  'helpRequest.status.resolved': 'resolved by {name} at {time}',
  'helpRequest.notice.taken': '{name} from the helpdesk has taken your help request (reference {reference}) and will be in touch.',
  'helpRequest.notice.resolved':
    '{name} from the helpdesk has marked your help request (reference {reference}) as resolved. If you still need help, tell me here.',
  'helpRequest.list.heading': 'Help requests, open ones first',
  'helpRequest.list.none': 'There are no help requests yet.',
  'helpRequest.list.line': '{status} · {requester} for {forWhom} · {time} · "{text}"',
  'helpRequest.list.self': 'themselves',
  'helpRequest.list.colleague': 'someone else: {name}',
  'helpRequest.list.unnamedColleague': 'someone else, not named',
  'helpRequest.status.withdrawn': 'withdrawn by {name} at {time}',
  'helpRequest.card.assigned': 'Assigned to {name} by {by} at {time}.',
  'helpRequest.card.note': 'Note from {name}: "{note}"',
  'helpRequest.card.steps': 'Done on the account since the request was raised: {steps}.',
  'helpRequest.card.noSteps': 'Unlock recorded no change on the account since the request was raised.',
  'helpRequest.card.reminder': '⏰ Reminder: nobody has taken this request for {minutes} minutes.',
  'helpRequest.step': '{step} ({name}, {time})',
  'helpRequest.button.checkAccount': 'Check account',
  'helpRequest.button.assign': 'Assign to …',
  'helpRequest.button.assignTo': 'Assign',
  'helpRequest.button.resolveWithNote': 'Resolve with this note',
  'helpRequest.button.chat': 'Chat with {name}',
  'helpRequest.button.withdraw': 'Withdraw my request',
  'helpRequest.assign.label': 'Hand this request to (members of the helpdesk group):',
  'helpRequest.assign.noMembers': 'The helpdesk group has nobody else to hand this request to.',
  'helpRequest.assign.notOperator': 'Nothing changed: that person is not a member of the helpdesk group (any more).',
  'helpRequest.resolve.noteLabel': 'What was done, in a sentence (the asker reads it):',
  'helpRequest.resolve.noteNeeded': 'Write a short note for the asker, then click "Resolve with this note".',
  'helpRequest.check.sent': 'The findings for {name} are in your 1:1 chat with Unlock.',
  'helpRequest.check.notSent': 'I could not reach your 1:1 chat with Unlock just now. Open it and type "check {name}" there.',
  'helpRequest.check.unnamed': 'The request names nobody. Ask {requester} whom it is for (and check that they may ask) before you check anyone.',
  'helpRequest.check.heading': 'From the help request of {requester} (reference {reference})',
  'helpRequest.notice.withdrawnToOperator': '{requester} has withdrawn their help request (reference {reference}): "{text}". There is nothing more to do on it.',
  'helpRequest.card.requesterNotNotified': '⚠️ {name} could not be told of this change in their chat with Unlock: tell them directly.',
  'helpRequest.notice.assignee': '{by} handed you a help request from {requester} (reference {reference}): "{text}". Its card is in the help-request channel.',
  'helpRequest.notice.resolvedWithNote':
    '{name} from the helpdesk has resolved your help request (reference {reference}): "{note}" If you still need help, tell me here.',
  'helpRequest.notice.stepsOnYourAccount': 'Done on your account: {steps}.',
  'helpRequest.withdrawn': 'You have withdrawn your help request (reference {reference}). The helpdesk will not act on it.',
  'helpRequest.withdraw.notYours': 'Only the person who asked can withdraw a help request, in the chat they asked in. Nothing was changed.',
  'helpRequest.withdraw.nothingOpen': 'You have no open help request to withdraw.',

  // Cards
  'card.severity.blocking': '⛔ Blocking',
  'card.severity.warning': '⚠️ Warning',
  'card.severity.info': 'ℹ️ Note',
  'card.severity.ok': '✅ OK',
  'card.findings.heading': 'Account check: {name}',
  'card.findings.checkedAt': 'Checked {time}. Each button checks the account again before it changes anything.',
  'card.button.recheck': 'Check again',
  'card.button.more': 'More actions',
  'card.button.details': 'Details',
  'card.findings.checkedAtOnly': 'Checked {time}.',
  'card.choice.heading': 'Several people match "{query}". Which one is locked out?',
  'card.choice.hint': 'Choose one, or type a more precise name or e-mail address.',
  'card.choice.didYouMean': {
    one: 'No user matches "{query}". Did you mean this person?',
    other: 'No user matches "{query}". Did you mean one of these people?',
  },
  'card.choice.more': {
    one: 'More people match; here is the first {count}. Choose, or type a more precise name or e-mail address.',
    other: 'More people match; here are the first {count}. Choose, or type a more precise name or e-mail address.',
  },
  'card.confirm.yes': 'Yes, do it',
  'card.verify.label': 'How did you verify the person asking?',
  'card.verify.required': 'Choose how you verified the person asking.',
  'card.verify.calledBack': 'I called them back on a number from the directory',
  'card.verify.inPerson': 'In person, with an ID',
  'card.verify.manager': 'Their manager confirmed it',
  'card.confirm.stillOpen': 'This account looks compromised, and these are still open: {steps}. Secure it first unless you are sure the user is in control.',
  'card.confirm.no': 'Cancel',
  'card.confirm.passwordNote':
    'Only do this after making sure you are talking to the user themselves (for example, call them back on a number you already have). The temporary password is shown only to you.',
  'card.password.heading': 'Temporary password for {name}',
  'card.password.instructions':
    'Give this password to {name} by phone or in person. They must change it when they next sign in.',
  'card.password.notStored': 'It is shown only to you, only here, and Unlock keeps no copy.',
  'card.password.hide': 'I have passed it on: hide it',
  'card.password.hiddenHeading': 'Temporary password hidden',
  'card.password.hidden':
    'The temporary password is hidden, and Unlock did not keep it. If it was lost, check the user again in your 1:1 chat with Unlock and reset the password again, from {time} (a step cannot be repeated on the same account for two minutes): the new one is shown only to you, there.',
  'card.tap.heading': 'Temporary Access Pass for {name}',
  'card.tap.instructions':
    'Give it to {name} by phone or in person, after checking it is really them. They sign in with it at https://aka.ms/mysecurityinfo and add a new sign-in method.',
  'card.tap.validity': 'Valid from {start} until {end}.',
  'card.tap.once': 'It works for one sign-in.',
  'card.tap.reusable': 'It works for any number of sign-ins until then.',
  'card.tap.hiddenHeading': 'Temporary Access Pass hidden',
  'card.tap.hidden':
    'The Temporary Access Pass is hidden. If it was lost, check the user again and issue a new one, from {time} (a step cannot be repeated on the same account for two minutes): a new pass replaces the old one.',
  'card.choice.lifetime': 'Valid for',
  'card.choice.usableOnce': 'One-time use: it stops working after the first sign-in',
  'card.lifetime.minutes': { one: '{count} minute', other: '{count} minutes' },
  'card.lifetime.hours': { one: '{count} hour', other: '{count} hours' },

  // Results of a remediation, as a banner on the findings card
  'result.done': '{action}: done.',
  'result.doneWithItem': '{action} {item}: done.',
  'result.doneDelay': 'It can take a few minutes to reach every Microsoft 365 service.',
  'result.partNotDone': '{action}: not done. It stays on the card: select it to do it on its own and read why.',
  'result.partNotDoneWithItem': '{action} {item}: not done. It stays on the card: select it to do it on its own and read why.',
  'result.doneDelay.unblockSending': 'Sending usually works again within an hour, in rare cases only after up to 24 hours.',
  'result.failed.unblockInDefender':
    'You can unblock the user in the Microsoft Defender portal instead: Restricted entities (https://security.microsoft.com/restrictedentities), search for {address}.',
  'result.donePassword': 'The temporary password is in a separate message, visible only to you.',
  'result.donePass': 'The Temporary Access Pass is in a separate message, visible only to you.',
  'result.passwordOnlyInPersonalChat':
    'For safety, passwords are reset only in your 1:1 chat with Unlock, so the temporary password is never shown to a group. Open a chat with Unlock and check the user there.',
  'result.cancelled': 'Cancelled. Nothing was changed.',
  'result.notNeeded': '{action}: not needed any more. The account was checked again just now; see the current state below.',
  'result.notOperator':
    'Only members of the helpdesk group can make changes. Nothing was changed. Ask your Microsoft 365 administrator to add you to the helpdesk group if you need to.',
  'result.notOffered': 'That action is not offered on this card. Nothing was changed.',
  'result.confirmationUsed':
    'This confirmation was used already. To do it again, click the step on the card again. Nothing more was changed.',
  'result.notVerified':
    'Say how you verified that the person asking is the user (or may ask for them) before this change. Nothing was changed.',
  'result.secureFirst':
    'This account looks compromised: "{action}" waits until it is secured. Do "{first}" first, then try again. Nothing was changed.',
  'result.secureFirstTwo':
    'This account looks compromised: "{action}" waits until it is secured. Do "{first}" and "{second}" first, then try again. Nothing was changed.',
  'result.otherConversation': 'This card was made in another chat, so it does not act here. Check the user again in this chat. Nothing was changed.',
  'result.staleCard': {
    one: 'This card is {count} minute old. Accounts change, so check again before making a change. Nothing was changed.',
    other: 'This card is {count} minutes old. Accounts change, so check again before making a change. Nothing was changed.',
  },
  'result.alreadyClaimed':
    '"{action}" was done on this account by {name} at {time}. To keep it from being done twice, it cannot be repeated for two minutes: it can be done again from {until}. Nothing more was changed.',
  'result.alreadyClaimedByYou':
    'You did "{action}" on this account at {time}. To keep it from being done twice, it cannot be repeated for two minutes: it can be done again from {until}. Nothing more was changed.',
  'result.alreadyClaimedOther':
    '{name} chose "{done}" for this account at {time}, which answers the same question as "{action}". Check the account again before you change that answer. Nothing more was changed.',
  'result.alreadyClaimedOtherByYou':
    'You chose "{done}" for this account at {time}, which answers the same question as "{action}". Check the account again before you change that answer. Nothing more was changed.',
  'result.doneBy': 'Done by {name} at {time}.',
  'result.doneByYou': 'Done by you at {time}.',
  'result.privilegedTarget':
    'This account holds or can activate an administrator role ({roles}). Unlock does not change administrator accounts. A Privileged Authentication Administrator or Global Administrator must act in the Microsoft Entra admin center. Nothing was changed.',
  'result.protectedTarget.operator':
    "This account belongs to a helpdesk operator, and Unlock does not change an operator's account. An administrator can act in the Microsoft Entra admin center. Nothing was changed.",
  'result.protectedTarget.group':
    'This account is in a protected group, and Unlock does not change it. An administrator can act in the Microsoft Entra admin center. Nothing was changed.',
  'result.rolesUnknown':
    'Unlock could not check whether this account holds an administrator role, so it does not change it. Nothing was changed.',
  'result.userNotFound': 'The user no longer exists in the directory. Nothing was changed.',
  'result.unavailable': 'Microsoft 365 could not be reached. Nothing was changed.',
  'result.failed': '{action} failed.',
  'result.failed.rejected':
    'Microsoft 365 refused the change ({code}). If the account is synced from on-premises Active Directory, make the change there.',
  'result.failed.permission':
    'Unlock is missing a permission or role for this change ({code}). Ask your Microsoft 365 administrator to grant it (see the README).',
  'result.failed.unknown':
    'Microsoft 365 did not answer, so Unlock cannot tell whether the change was made. Check the account again before trying once more.',
  'result.failed.other': 'Microsoft 365 did not make the change ({code}). Nothing was changed; try again in a few minutes.',
  'result.requestId': 'Microsoft request id: {requestId}',

  // Guidance steps
  'guidance.checklist.heading': 'Compromised-account checklist for {name}',
  // The checklist says what this account showed and what is already done (from the audit trail).
  'guidance.checklist.found': 'What Unlock found:',
  'guidance.checklist.finding': '– {finding}',
  'guidance.checklist.sends': '– The rule {rule} sends mail to {recipients}.',
  'guidance.checklist.steps': 'In this order:',
  'guidance.checklist.todo': '☐ {step}',
  'guidance.checklist.todoMethod': '☐ {step}, added {at}, if the user did not add it',
  'guidance.checklist.done': '☑ {step}: done by {actor} at {time}',
  'guidance.checklist.signIns':
    '☐ Review the {total} sign-ins of the last 24 hours (from {places}) in the Microsoft Entra admin center > Sign-in logs, for places and apps the user does not recognise',
  'guidance.checklist.signInsNone':
    '☐ Review the sign-in log in the Microsoft Entra admin center (Sign-in logs) for places and apps the user does not recognise',
  'guidance.checklist.mailbox': '☐ Check mailbox forwarding and delegates in the Exchange admin center: Unlock does not read them',
  'guidance.checklist.unblockLast': '☐ {step}, only after the steps above (blocked since {since})',
  'guidance.checklist.risk': '☐ Once the account is secure: "{confirm}" if someone else was in control, "{dismiss}" if the user was',
  'guidance.checklist.historyUnavailable': 'Unlock could not read what was already done just now; type "history {upn}" to see it.',
  'guidance.checklist.more':
    'Microsoft\'s guide: https://learn.microsoft.com/en-us/defender-office-365/responding-to-a-compromised-email-account',
  'guidance.handOver.heading': 'Hand over: {name} ({upn})',
  'guidance.handOver.intro':
    'Open a case with Microsoft support (Microsoft 365 admin center > Support > Help & support) or pass this to the second-line helpdesk, with what Unlock found:',
  'guidance.handOver.finding': '{severity} · {title}',
  'guidance.handOver.checkedAt': 'Checked {time}.',
  'guidance.handOver.user': 'User: {name} · {upn} · object id {id}',
  'guidance.handOver.found': 'What the checks found:',
  'guidance.handOver.fact': '– {fact}',
  'guidance.handOver.cause': '– {meaning} Error {code}, last at {at}.',
  'guidance.handOver.risk': '– Risk level: {level} · risk state: {state} · last updated: {at}',
  'guidance.handOver.riskDetail': '– Risk detail: {detail}',
  'guidance.handOver.ruleActions': '– Rule actions: {actions}',
  'guidance.handOver.ruleRecipients': '– Sends mail to: {recipients}',
  'guidance.handOver.signIns': 'Sign-ins in the last 24 hours, newest first:',
  'guidance.handOver.signIn': '– {time} · {result} · {where}',
  'guidance.handOver.signInNowhere': '– {time} · {result}',
  'guidance.handOver.signInError': 'error {code}',
  'guidance.handOver.signInSuccess': 'signed in',
  'guidance.handOver.signInsMore': {
    one: '– and {count} more (Microsoft Entra admin center > Sign-in logs)',
    other: '– and {count} more (Microsoft Entra admin center > Sign-in logs)',
  },
  'guidance.handOver.taken': 'Steps already taken in Unlock, newest first:',
  'guidance.handOver.action': '– {time} · {actor} · {action} · {outcome}',
  'guidance.handOver.withRequestId': '{outcome}, request id {requestId}',
  'guidance.handOver.noneTaken': '– None: Unlock has recorded no change on this account.',
  'guidance.handOver.olderTaken': '– Older actions: type "history {upn}".',
  'guidance.handOver.historyUnavailable': '– Unlock could not read its record of earlier actions just now; type "history {upn}" later.',
  'guidance.handOver.open': 'Still to do:',
  'guidance.handOver.openDone': '– {step} (Unlock did this at {time}; the checks still call for it)',
  'guidance.handOver.nothingOpen': 'Still to do: the checks found nothing Unlock can fix.',

  // ── Helpdesk channel: shared cards and secrets delivered privately ─────────────────────────────
  'card.button.showActions': 'Show actions',
  'channel.secret.passwordSent': 'Password reset by {name}, sent to {name} privately.',
  'channel.secret.passSent': 'Temporary Access Pass issued by {name}, sent to {name} privately.',
  'channel.secret.sentWhere': 'It is in {name}\'s 1:1 chat with Unlock, and nowhere in this channel.',
  'channel.secret.privateIntro': 'You clicked **{action}** for {name} in a helpdesk channel. The result is below, here in your 1:1 chat, where only you can see it; the channel card says only that it was sent to you.',
  'channel.secret.unreachable':
    'Nothing was changed: I could not open your 1:1 chat with Unlock, and a password or pass made from a channel may only go there. Add Unlock for yourself (Apps, Unlock, Add) or say hello to it in a 1:1 chat, then click again.',
  'channel.secret.notDelivered':
    '{action}: done, but I could not deliver the result to your 1:1 chat with Unlock, and it is kept nowhere. Do it again from your 1:1 chat with Unlock.',
  // ── Limits on writes, alerts, and confirmation by the user (or manager) in Teams ───────────────
  'card.verify.userInTeams': 'Ask the user to confirm in Teams (Unlock sends them a question)',
  'card.verify.managerInTeams': 'Ask their manager to confirm in Teams (Unlock sends the question)',
  'history.reason.limitReached': 'limit reached',
  'history.reason.notConfirmedInTeams': 'not confirmed in Teams',
  'history.reason.deniedInTeams': 'answered No in Teams',
  'result.limitReached.operator':
    '{action}: you have reached the limit of {max} per operator in {window}. Nothing was changed, and the helpdesk has been alerted. The next one is possible from {time}.',
  'result.limitReached.target':
    '{action}: this user has reached the limit of {max} in {window}, by any operator. Nothing was changed, and the helpdesk has been alerted. The next one is possible from {time}.',
  'result.notConfirmedInTeams':
    'No Yes from Teams is waiting for this change. Choose the confirmation in Teams again to send a new question, or verify the person another way. Nothing was changed.',
  'result.deniedInTeams':
    '{name} answered No in Teams at {time}: the request did not come from them. Nothing was changed, and the helpdesk has been alerted.',
  'alert.channelSet':
    'From now on, Unlock posts its alerts here: limits reached, and a No to a confirmation asked in Teams. Only members of the helpdesk group can change this.',
  'alert.channelOnly': 'Say this in the channel where alerts should go, mentioning me there.',
  'alert.notOperator': 'Only members of the helpdesk group can choose where alerts go.',
  'alert.limit.heading': 'Alert: limit reached for {action}',
  'alert.limit.operator':
    '{operator} tried to do it for {target} at {time}: that would have been number {attempt} by {operator} in {window}, and the limit per operator is {max}. It was refused.',
  'alert.limit.target':
    '{operator} tried to do it for {target} at {time}: that would have been number {attempt} for {target} in {window} (by any operator), and the limit per user is {max}. It was refused.',
  'alert.limit.repeats': 'Further attempts past this limit are refused and audited every time, with no further alert here until the window ({window}) has passed; the user\'s history shows them.',
  'alert.limit.advice': 'Ask {operator} what is going on. Many resets in a short time are how a stolen helpdesk account, or an impostor calling again and again, shows.',
  'alert.denied.heading': 'Alert: a No to a confirmation in Teams',
  'alert.denied.user':
    '{operator} was about to do this for {target}: {action}. Asked in Teams, {name} answered at {time} that the request did not come from them. Nothing was changed.',
  'alert.denied.manager':
    '{operator} was about to do this for {target}: {action}. Asked in Teams, their manager {name} answered at {time} that it was not asked for. Nothing was changed.',
  'alert.denied.advice': 'Someone may be impersonating {target}. Contact {target} on a number from the directory.',
  'teamsConfirm.ask.resetPassword': 'The helpdesk is about to reset your password at your request. Was that you?',
  'teamsConfirm.ask.temporaryAccessPass': 'The helpdesk is about to issue you a Temporary Access Pass at your request, to sign in and set up your sign-in methods. Was that you?',
  'teamsConfirm.ask.removeSignInMethod': 'The helpdesk is about to remove one of your sign-in methods at your request. Was that you?',
  'teamsConfirm.ask.dismissRisk': 'The helpdesk is about to mark your account as safe again at your request. Was that you?',
  'teamsConfirm.ask.unblockSending': 'The helpdesk is about to let your mailbox send email again at your request. Was that you?',
  'teamsConfirm.ask.allowSignIn': 'The helpdesk is about to allow sign-in to your account again at your request. Was that you?',
  'teamsConfirm.ask.secureAccount':
    'The helpdesk is about to secure your account at your request: a new password, suspicious mail rules and sign-in methods removed, and you signed out everywhere. Was that you?',
  'teamsConfirm.ask.manager': 'The helpdesk was asked to do this for {user}, who reports to you: {action}. Did {user} ask for it?',
  'teamsConfirm.asker': 'Asked by {operator} from the helpdesk at {time}. If you did not ask for this, answer No: nothing will be changed and the helpdesk will be alerted.',
  'teamsConfirm.yes': 'Yes',
  'teamsConfirm.no': 'No',
  'teamsConfirm.thanksYes': 'Thank you. The helpdesk can go on.',
  'teamsConfirm.thanksNo': 'Thank you. Nothing will be changed, and the helpdesk has been alerted.',
  'teamsConfirm.gone': 'This question has expired or was answered already. Nothing was changed.',
  'teamsConfirm.sent':
    'I asked {name} in Teams to confirm: {action}. When {name} answers Yes, a confirmation appears here for you. The question expires in {minutes} minutes. Nothing has been changed yet.',
  'teamsConfirm.notReached': 'I could not ask {name} in Teams, so nothing was changed. Verify the request another way.',
  'teamsConfirm.noManager': 'The directory names no manager for {user}, so nothing was asked and nothing was changed. Verify the request another way.',
  'teamsConfirm.askedIsOperator': 'You are the manager of {user} in the directory, and nobody confirms their own request. Verify it another way. Nothing was changed.',
  'teamsConfirm.confirmed': 'Confirmed by {name} in Teams at {time}. Continue?',
  'teamsConfirm.continue': 'Continue: {action}',
} as const satisfies Record<string, Message>;
