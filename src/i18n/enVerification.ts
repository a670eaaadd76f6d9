/**
 * English messages of the operator's "Verify the caller" section on the findings card (issue 10):
 * where failing and risky sign-ins came from, callback facts, and warnings about the identity.
 */
import type { Message } from './messages';

export const enVerification = {
  'verify.heading': 'Verify the caller',
  'verify.intro': 'Before you change anything, check what the caller says against these facts. Call back only on a number from the directory.',

  'verify.warning.newCountry':
    'Warning: failing or risky sign-ins from {countries}, where this user has not signed in successfully in the last 30 days (usually: {usual}). This may not be the user.',
  'verify.warning.lookAlike':
    'Warning: the display name has characters that imitate other letters: {characters}. This account may be posing as someone else.',
  'verify.warning.mixedScripts': 'Warning: the display name mixes writing systems ({scripts}).',
  'verify.warning.sharedName': 'Warning: another user has the same display name ({others}). Make sure you have the right person.',
  'verify.warning.newAccount': 'Warning: this account was created recently, {at}.',
  'verify.warning.guest':
    'Warning: this is a guest account from another organisation. That organisation manages its sign-in and password; check with your contact there.',

  'verify.lookAlike.character': '"{character}" ({script}, looks like "{latin}")',
  'verify.lookAlike.invisible': 'an invisible character ({code})',
  'verify.script.latin': 'Latin',
  'verify.script.greek': 'Greek',
  'verify.script.cyrillic': 'Cyrillic',
  'verify.script.armenian': 'Armenian',
  'verify.script.fullwidth': 'fullwidth',

  'verify.signIns.title': 'Failing and risky sign-ins, last 24 hours',
  'verify.signIns.none': 'No failing or risky sign-ins in the last 24 hours.',
  'verify.signIns.failed': { one: '1 failed', other: '{count} failed' },
  'verify.signIns.risky': { one: '1 risky', other: '{count} risky' },
  'verify.signIns.lastAt': 'last {at}',
  'verify.signIns.more': { one: 'and 1 more place', other: 'and {count} more places' },
  'verify.signIns.couldNotRead': 'Could not read the sign-ins.',
  'verify.signIns.earlierNotRead': 'Could not read the last 30 days of sign-ins, so no place is marked as new.',
  'verify.place.newCountry': '{place}: a new country for this user',
  'verify.place.newCity': '{place}: a new city for this user',
  'verify.place.known': '{place}: where this user signs in',
  'verify.place.noHistory': '{place}: no successful sign-in in 30 days to compare with',
  'verify.place.unknown': '{place}',
  'verify.place.none': 'place not known',

  'verify.fact.mobile': 'Mobile phone',
  'verify.fact.businessPhones': 'Office phone',
  'verify.fact.manager': 'Manager',
  'verify.fact.department': 'Department',
  'verify.fact.jobTitle': 'Job title',
  'verify.fact.office': 'Office',
  'verify.fact.passwordChanged': 'Password last changed',
  'verify.fact.created': 'Account created',
  'verify.fact.usualCountries': 'Signs in from (30 days)',
  'verify.fact.sameName': 'Same display name',
  'verify.value.none': 'not in the directory',
  'verify.value.couldNotRead': 'could not read',
  'verify.value.noOther': 'no other user',
  'verify.value.seeWarning': 'yes, see the warning above',
  'verify.value.onRecheck': 'not compared yet: select Check again to compare it with other users\' names',

  // The caller may not be the user: said first in the summary, again on a confirmation that hands over access.
  'verify.doubt.newCountry': {
    one: 'Sign-ins from {countries}, a country new for this user',
    other: 'Sign-ins from {countries}, countries new for this user',
  },
  'verify.doubt.lookAlike': 'The display name has characters that imitate other letters',
  'verify.doubt.newAccount': 'This account was created in the last 7 days',
  'verify.doubt.guest': 'This is a guest account from another organisation',
  'summary.callerDoubt': '{doubt}: verify the caller by calling back a directory number before any reset. {summary}',
  'card.confirm.callerDoubt': '⚠️ {doubt}: this may not be the user. Verify the caller by calling back a number from the directory before you confirm.',
  'card.verify.userInTeamsDoubt':
    'Ask the user to confirm in Teams (Unlock sends them a question). Whoever holds a stolen session could answer it: here a callback is safer',
  'finding.smartLockout.adviceCallerDoubt':
    'The sign-ins or the account give reason to doubt that the caller is the user: before any reset, verify the caller by calling back a number from the directory. Then the user can reset their own password choosing "I forgot my password", which ends the lock at once, or you reset it for them.',
} as const satisfies Record<string, Message>;
