/**
 * Adaptive Card builders: one per template, each taking typed data and the viewer's language.
 * Templates are parsed once; cards never call services. Buttons are Universal Actions
 * (`Action.Execute`), so the same cards work in 1:1 chats, group chats and channels.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/overview
 */
import * as ACData from 'adaptivecards-templating';
import { CardFactory, type Attachment } from 'botbuilder';
import type { UserSummary } from '../src/domain/account';
import type { Diagnosis, Finding, RemediationStep, Severity } from '../src/domain/diagnosis';
import { escapeMarkdown, render, translate, translateWith, type Locale, type MessageKey, type RenderOptions } from '../src/i18n/catalogue';
import { text, type Text } from '../src/i18n/text';
import type { AccountCheck } from '../src/operations/checkAccount';
import type { Secret } from '../src/domain/secret';
import { stepDefinition, stepLabel, type StepId } from '../src/steps/registry';
import { itemLabel } from '../src/i18n/itemName';
import { summaryOf } from '../src/diagnosis/summary';
import { VERIFICATION_METHODS, type SecretWords, type StepChoices, type StepDefinition, type VerificationMethod } from '../src/steps/step';
import { actionData, VERBS, type CardAction, type CardActionOf } from './actions';
import { callerDoubtText, verifyCallerSection } from './verifyCaller';
import { callerDoubts } from '../src/diagnosis/identityWarnings';
import findingsTemplate from './templates/findings.json';
import choiceTemplate from './templates/choice.json';
import confirmTemplate from './templates/confirm.json';
import secretTemplate from './templates/secret.json';
import messageTemplate from './templates/message.json';

export { VERBS, parseCardAction, type CardAction, type CardActionOf } from './actions';

/** Who the card is rendered for: the language and time zone of the person reading it. */
/** The element that shows a secret on a card, so tests can read what a person sees there. */
export const SECRET_ELEMENT_ID = 'secret';

export interface CardView extends RenderOptions {
  readonly locale: Locale;
  /** In a channel: the card every member sees, and who gets the operator's view of it. */
  readonly shared?: SharedCardView;
}

/**
 * A findings card in a channel is shared by everyone there, so the card posted (and every edit of it)
 * is read-only: the findings, and one "Show actions" button. Its `refresh` names the operators the bot
 * knows in that conversation (`userIds`, Teams user ids, at most 60): Teams asks the bot for their own
 * view with an `adaptiveCard/action` invoke (trigger `automatic`), and the answer, the same card with
 * the buttons, is shown to that person's client only. A client that does not refresh (the Agents
 * Playground) gets the same answer from a click on Show actions; either way the bot checks who asked.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views
 */
export interface SharedCardView {
  /** Teams user ids (`29:…`) whose clients refresh the card to the operator's view. */
  readonly refreshFor: readonly string[];
  /** The operator's view, with the buttons: only as the answer to that operator's refresh or click. */
  readonly withActions: boolean;
}

/** Teams refreshes a card for at most 60 `userIds`. */
export const MAX_REFRESH_USERS = 60;

/** `neutral`: nothing happened (cancelled), so not the green of a step done. */
export type BannerTone = 'good' | 'attention' | 'warning' | 'neutral';

export interface Banner {
  readonly tone: BannerTone;
  readonly text: Text;
  readonly details?: readonly Text[];
}

interface ButtonData {
  readonly title: string;
  readonly verb: CardAction['verb'];
  readonly data: Record<string, unknown>;
  readonly style: 'default' | 'positive' | 'destructive';
}

const templates = {
  findings: new ACData.Template(findingsTemplate),
  choice: new ACData.Template(choiceTemplate),
  confirm: new ACData.Template(confirmTemplate),
  secret: new ACData.Template(secretTemplate),
  message: new ACData.Template(messageTemplate),
};

const SEVERITY_LABEL: Readonly<Record<Severity, MessageKey>> = {
  blocking: 'card.severity.blocking',
  warning: 'card.severity.warning',
  info: 'card.severity.info',
  ok: 'card.severity.ok',
};

/**
 * Colour backs up the label; it is never the only sign of severity. Teams' "Warning" (yellow) and
 * "Good" (light green) text is hard to read on the light theme, so only blocking findings are coloured.
 */
const SEVERITY_COLOR: Readonly<Record<Severity, string>> = {
  blocking: 'Attention',
  warning: 'Default',
  info: 'Default',
  ok: 'Default',
};

export interface FindingsCardInput {
  readonly user: UserSummary;
  readonly diagnosis: Diagnosis;
  /** Server-side record of what this card offers; buttons carry only this id. */
  readonly cardId: string;
  readonly checkedAt: string;
  readonly banner?: Banner;
  /** The step the operator asked for ("reset the password for …"), by id: its button comes first and is highlighted. */
  readonly highlight?: string;
}

/** Paragraphs under the findings' titles shown at once; a card with more shows them behind "Details". */
export const DETAILS_SHOWN = 8;

const VERIFY_DETAILS_ID = 'detailsVerify';

/**
 * On a long card, "Verify the caller" keeps its heading and its warnings (Attention) in view; the
 * facts to check wait behind "Details" with the findings' paragraphs.
 */
function collapsedVerify(elements: ReturnType<typeof verifyCallerSection>): unknown[] {
  const [heading, ...rest] = elements;
  const warnings = rest.filter((element) => element.type === 'TextBlock' && element.color === 'Attention');
  const facts = rest.filter((element) => !warnings.includes(element));
  return [...(heading ? [heading] : []), ...warnings, ...(facts.length > 0 ? [{ type: 'Container', id: VERIFY_DETAILS_ID, isVisible: false, spacing: 'None', items: facts }] : [])];
}

/**
 * The findings card: a summary line, the findings, and the steps. What the findings call for first
 * is highlighted (at most three buttons); every other step is under "More actions". A banner with
 * the result of the last click sits right above the buttons, where the operator is looking.
 */
export function findingsCard(input: FindingsCardInput, view: CardView): Attachment {
  // Every text here is a TextBlock, which Teams renders as Markdown: directory data in it is escaped.
  const md: CardView = { ...view, markdown: true };
  const t = (value: Text): string => render(view.locale, value, md);
  const { steps, asked } = askedFirst(input.diagnosis.steps, input.highlight);
  // The step asked for joins the highlighted ones, still at most three.
  const highlighted = new Set(steps.filter((step) => step === asked || step.primary === true).slice(0, 3));
  const isPrimary = (step: RemediationStep): boolean => highlighted.has(step);
  const stepButton = (step: RemediationStep): ButtonData =>
    button(stepTitle(step, view), { verb: VERBS.step, cardId: input.cardId, step: knownStepId(step), ...item(step) }, isPrimary(step) ? 'positive' : 'default');
  // The shared base card shows no step: an operator's buttons come with Show actions or the refresh.
  const readOnly = isReadOnly(view);
  const primary = readOnly ? [] : steps.filter(isPrimary).map(stepButton);
  const secondary = readOnly ? [] : steps.filter((step) => !isPrimary(step)).map(stepButton);
  const changes = input.diagnosis.steps.some((step) => definitionOf(step).kind === 'write');
  const findings = input.diagnosis.findings.map((finding: Finding) => ({
    severityLabel: translate(view.locale, SEVERITY_LABEL[finding.severity]),
    color: SEVERITY_COLOR[finding.severity],
    title: t(finding.title),
    // Right after a fix, the all-clear needs no list of other causes: the banner says what happened.
    details: input.banner && finding.kind === 'nothingWrong' ? [] : finding.details.map(t),
  }));
  // A long card (a compromised account shows five or six findings) keeps the summary, the titles, the
  // banner and the buttons on one screen: the paragraphs under the titles wait behind "Details".
  // The read-only card a channel shares has no button but Show actions: it stays whole.
  const collapsed = !readOnly && findings.reduce((total, finding) => total + finding.details.length, 0) > DETAILS_SHOWN;
  // What an operator checks a caller against: in the operator's own view only, never in the
  // read-only card every member of a channel sees.
  const verify = !readOnly && input.diagnosis.verification ? verifyCallerSection(input.diagnosis.verification, view) : null;
  const shownVerify: readonly unknown[] | null = verify && collapsed ? collapsedVerify(verify) : verify;
  const recheck = readOnly
    ? button(translate(view.locale, 'card.button.showActions'), { verb: VERBS.showActions, cardId: input.cardId })
    : button(translate(view.locale, 'card.button.recheck'), { verb: VERBS.recheck, cardId: input.cardId });
  const recheckInMore = collapsed && !readOnly;
  const card = expand(templates.findings, {
    heading: translate(view.locale, 'card.findings.heading', { name: input.user.displayName }, md),
    userLine: escapeMarkdown(input.user.userPrincipalName),
    // The step asked for is first and highlighted: the line at the top names it too.
    summary: t(withCallerDoubt(asked ? summaryOf(input.diagnosis.findings, input.diagnosis.steps, input.diagnosis, asked) : input.diagnosis.summary, input.diagnosis, readOnly, view)),
    banner: input.banner ? bannerData(input.banner, t) : null,
    findings: findings.map((finding, index) => ({
      ...finding,
      detailsId: `details${index}`,
      detailsVisible: !collapsed,
    })),
    detailsToggle: collapsed
      ? {
          title: translate(view.locale, 'card.button.details'),
          targets: [...findings.flatMap((finding, index) => (finding.details.length > 0 ? [`details${index}`] : [])), ...(shownVerify?.some((element) => (element as { id?: string }).id === VERIFY_DETAILS_ID) ? [VERIFY_DETAILS_ID] : [])],
        }
      : null,
    verify: shownVerify,
    // "Each button checks the account again" only where a button changes something, and not on a
    // long card, where every line counts.
    checkedAtLabel: translate(view.locale, changes && !collapsed ? 'card.findings.checkedAt' : 'card.findings.checkedAtOnly', { time: input.checkedAt }, md),
    primary,
    // On a long card, Check again joins More actions: the row keeps the steps and Details.
    more: secondary.length > 0 || recheckInMore ? { title: translate(view.locale, 'card.button.more'), rows: buttonRows(recheckInMore ? [...secondary, recheck] : secondary) } : null,
    recheck: recheckInMore ? null : recheck,
  });
  return view.shared ? withRefresh(card, { verb: VERBS.showActions, cardId: input.cardId }, { ...view, shared: view.shared }) : card;
}

/** The shared read-only view: no button but Show actions; an operator's buttons come with Show actions or the refresh. */
export function isReadOnly(view: CardView): boolean {
  return view.shared !== undefined && !view.shared.withActions;
}

/** The `refresh` of a shared card: its Show actions, run by Teams for the operators named (at most 60). */
export function withRefresh(card: Attachment, action: CardActionOf<'unlock.showActions' | 'unlock.showRequestActions'>, view: CardView & { shared: SharedCardView }): Attachment {
  const { refreshFor: userIds } = view.shared;
  const title = translate(view.locale, 'card.button.showActions');
  const refresh = { action: { type: 'Action.Execute', title, verb: action.verb, data: actionData(action) }, userIds: [...new Set(userIds)].slice(0, MAX_REFRESH_USERS) };
  return { ...card, content: { ...(card.content as Record<string, unknown>), refresh } };
}

/**
 * The answer to "check this account": the findings card, or a message saying why there is none
 * (the user is gone, Microsoft 365 could not be reached).
 */
export function accountCheckCard(check: AccountCheck, view: CardView, banner?: Banner, highlight?: string): Attachment {
  if (check.kind === 'checked') {
    const { target: user, diagnosis, cardId, checkedAt } = check;
    return findingsCard({ user, diagnosis, cardId, checkedAt, ...(banner ? { banner } : {}), ...(highlight ? { highlight } : {}) }, view);
  }
  if (check.kind === 'userNotFound') {
    return messageCard({ heading: text('unlock.userGone'), paragraphs: [] }, view);
  }
  return messageCard(
    {
      heading: text('unlock.unavailable'),
      paragraphs: [text(`cause.${check.cause}`), ...(check.requestId ? [text('result.requestId', { requestId: check.requestId })] : [])],
    },
    view,
  );
}

export interface ChoiceCardInput {
  readonly query: string;
  readonly choiceId: string;
  readonly candidates: readonly UserSummary[];
  readonly more: boolean;
  /** Nobody matched the query; these are the closest names ("Did you mean …"). */
  readonly approximate?: boolean;
}

export function choiceCard(input: ChoiceCardInput, view: CardView): Attachment {
  return expand(templates.choice, {
    heading: input.approximate
      ? translate(view.locale, 'card.choice.didYouMean', { query: input.query, count: input.candidates.length }, markdownIn(view))
      : translate(view.locale, 'card.choice.heading', { query: input.query }, markdownIn(view)),
    hint: translate(view.locale, input.more ? 'card.choice.more' : 'card.choice.hint', { count: input.candidates.length }),
    choices: input.candidates.map((user, index) =>
      button(`${user.displayName} (${user.userPrincipalName})`, { verb: VERBS.chooseUser, choiceId: input.choiceId, index }),
    ),
  });
}

export interface ConfirmCardInput {
  readonly user: UserSummary;
  readonly step: RemediationStep;
  readonly cardId: string;
  /** What the operator chooses before confirming, within what the tenant allows. */
  readonly choices?: StepChoices;
  /** Lifting a protection on a compromised-looking account: the securing steps still open. */
  readonly stillOpen?: readonly RemediationStep[];
  /** This confirmation's own id: its "Yes" acts once. */
  readonly confirmationId: string;
  /** A step made of others: the parts it runs, in order (named in the question). */
  readonly parts?: readonly RemediationStep[];
}

export function confirmCard(input: ConfirmCardInput, view: CardView): Attachment {
  const { step } = input;
  const definition = definitionOf(step);
  const confirmedInTeams = input.choices?.confirmedInTeams;
  return expand(templates.confirm, {
    heading: stepTitle(step, markdownIn(view)),
    question: translateWith(
      view.locale,
      definition.confirm,
      { user: input.user.displayName, item: input.parts ? input.parts.map((part) => stepTitle(part, view)).join(', ') : itemLabel(step.itemName ?? '') },
      markdownIn(view),
    ),
    notes: [
      ...(input.stillOpen && input.stillOpen.length > 0
        ? [translate(view.locale, 'card.confirm.stillOpen', { steps: input.stillOpen.map((open) => stepTitle(open, view)).join(', ') }, markdownIn(view))]
        : []),
      ...(definition.confirmNotes ?? []).map((key) => translate(view.locale, key)),
      ...(confirmedInTeams ? [translate(view.locale, 'teamsConfirm.confirmed', { name: confirmedInTeams.name, time: confirmedInTeams.at }, view)] : []),
    ],
    callerDoubt: input.choices?.callerDoubt
      ? translate(view.locale, 'card.confirm.callerDoubt', { doubt: callerDoubtText(input.choices.callerDoubt, view.locale) }, markdownIn(view))
      : null,
    ...choiceInputs(input.choices, view),
    confirm: button(translate(view.locale, 'card.confirm.yes'), {
      verb: VERBS.confirm,
      cardId: input.cardId,
      step: knownStepId(step),
      ...item(step),
      confirmationId: input.confirmationId,
      // A choice the policy makes for the operator travels in the data, not as an input.
      ...(input.choices?.usableOnce?.required ? { usableOnce: 'true' as const } : {}),
      // Said Yes in Teams: the method travels in the data; the runner checks the Yes itself, server-side.
      ...(confirmedInTeams ? { verifiedBy: confirmedInTeams.method } : {}),
    }),
    cancel: button(translate(view.locale, 'card.confirm.no'), { verb: VERBS.cancel, cardId: input.cardId }),
  });
}

/** Lifetimes offered for a pass, where the policy's bounds allow them. */
const LIFETIME_CHOICES_MINUTES = [60, 120, 240, 480, 720, 1440, 2880, 4320, 10080, 20160, 43200];

/** How the operator may say the requester was verified, in the card's words. */
const VERIFICATION_WORDS: Readonly<Record<VerificationMethod, MessageKey>> = {
  calledBack: 'card.verify.calledBack',
  inPerson: 'card.verify.inPerson',
  manager: 'card.verify.manager',
  userInTeams: 'card.verify.userInTeams',
  managerInTeams: 'card.verify.managerInTeams',
};

function choiceInputs(choices: StepChoices | undefined, view: CardView): { lifetime: unknown; usableOnce: unknown; verify: unknown } {
  const lifetime = choices?.lifetimeMinutes;
  const once = choices?.usableOnce;
  const minutes = lifetime
    ? [...new Set([lifetime.min, lifetime.default, lifetime.max, ...LIFETIME_CHOICES_MINUTES.filter((m) => m > lifetime.min && m < lifetime.max)])].sort((a, b) => a - b)
    : [];
  return {
    lifetime: lifetime
      ? {
          label: translate(view.locale, 'card.choice.lifetime'),
          value: String(lifetime.default),
          choices: minutes.map((m) => ({ title: durationText(m, view), value: String(m) })),
        }
      : null,
    usableOnce: once && !once.required ? { title: translate(view.locale, 'card.choice.usableOnce'), value: String(once.default) } : null,
    verify: choices?.verification && !choices.confirmedInTeams
      ? {
          label: translate(view.locale, 'card.verify.label'),
          required: translate(view.locale, 'card.verify.required'),
          choices: VERIFICATION_METHODS.map((method) => ({
            // A stolen session could say Yes in Teams: with a doubt about the caller, the choice says so.
            title: translate(view.locale, method === 'userInTeams' && choices.callerDoubt ? 'card.verify.userInTeamsDoubt' : VERIFICATION_WORDS[method]),
            value: method,
          })),
        }
      : null,
  };
}

function durationText(minutes: number, view: CardView): string {
  return minutes % 60 === 0
    ? translate(view.locale, 'card.lifetime.hours', { count: minutes / 60 })
    : translate(view.locale, 'card.lifetime.minutes', { count: minutes });
}

/**
 * A secret (a temporary password, a Temporary Access Pass) for the operator who asked, in the words
 * of the step that made it; or, once hidden, a card that says so. The secret sits in a `TextRun`,
 * which Teams shows verbatim (a `TextBlock` would be read as Markdown).
 */
export type SecretCardInput =
  | {
      readonly user: UserSummary;
      readonly secret: Secret;
      readonly details: readonly Text[];
      /** The step that made it, for the hide button. */
      readonly step: string;
      readonly words: SecretWords;
      /** When the step may be done again on this user (its at-most-once hold), for the hidden card. */
      readonly repeatAt?: string;
    }
  | { readonly hidden: SecretWords; readonly repeatAt: string };

export function secretCard(input: SecretCardInput, view: CardView): Attachment {
  if ('hidden' in input) {
    return expand(templates.secret, {
      heading: translate(view.locale, input.hidden.hiddenHeading),
      instructions: translateWith(view.locale, input.hidden.hidden, { time: input.repeatAt }, markdownIn(view)),
      secret: null,
      details: [],
      notes: [],
      actions: [],
    });
  }
  const name = input.user.displayName;
  const step = stepDefinition(input.step)?.id as StepId | undefined;
  return expand(templates.secret, {
    heading: translateWith(view.locale, input.words.heading, { name }, markdownIn(view)),
    instructions: translateWith(view.locale, input.words.instructions, { name }, markdownIn(view)),
    // The one place a secret is written: the card answering the click of the operator who asked.
    secret: input.secret.reveal(),
    details: input.details.map((detail) => render(view.locale, detail, markdownIn(view))),
    notes: [translate(view.locale, 'card.password.notStored')],
    actions: step ? [button(translate(view.locale, 'card.password.hide'), { verb: VERBS.hideSecret, step, ...(input.repeatAt ? { repeatAt: input.repeatAt } : {}) })] : [],
  });
}

export interface MessageCardInput {
  readonly heading: Text;
  readonly paragraphs: readonly Text[];
  /** Buttons under the text (Ask the helpdesk, Take, Resolve). */
  readonly buttons?: readonly { readonly title: Text; readonly action: CardAction }[];
}

export function messageCard(input: MessageCardInput, view: CardView): Attachment {
  // Heading and paragraphs are TextBlocks (Markdown in Teams): data in them (a display name, a rule
  // name, an error text in the hand-over) is escaped; buttons are not Markdown.
  const t = (value: Text): string => render(view.locale, value, markdownIn(view));
  const plain = (value: Text): string => render(view.locale, value, view);
  const actions = (input.buttons ?? []).map(({ title, action }) => button(plain(title), action));
  return expand(templates.message, { heading: t(input.heading), paragraphs: input.paragraphs.map(t), actions });
}

/**
 * A warning that the caller may not be the user leads the summary (in the operator's own view: the
 * read-only card a channel shares has no verification section), so "Start with Reset password" is
 * not read first. A target Unlock does not change keeps its "who can act" line.
 */
function withCallerDoubt(summary: Text, diagnosis: Diagnosis, readOnly: boolean, view: CardView): Text {
  const doubt = readOnly || diagnosis.privileged ? undefined : callerDoubts(diagnosis.verification?.warnings ?? [])[0];
  return doubt ? text('summary.callerDoubt', { doubt: callerDoubtText(doubt, view.locale), summary }) : summary;
}

/** The view for text that goes into a TextBlock: parameters escaped for Teams' Markdown. */
export function markdownIn(view: CardView): CardView {
  return { ...view, markdown: true };
}

/** Cards are built only from diagnoses, whose steps come from the registry; anything else is a bug. */
function definitionOf(step: RemediationStep): StepDefinition {
  const definition = stepDefinition(step.id);
  if (!definition) throw new Error(`No step "${step.id}" in the registry.`);
  return definition;
}

function knownStepId(step: RemediationStep): StepId {
  return definitionOf(step).id as StepId;
}

/** 'Remove rule: "."', as everywhere a step is named (`stepLabel`). */
function stepTitle(step: RemediationStep, view: CardView): string {
  definitionOf(step);
  const label = stepLabel(step);
  return typeof label === 'string' ? label : render(view.locale, label, view);
}

/** The step the operator asked for first, whatever the diagnosis put first; the others keep their order. */
function askedFirst(steps: readonly RemediationStep[], highlight: string | undefined): { steps: readonly RemediationStep[]; asked?: RemediationStep } {
  const asked = steps.find((step) => step.id === highlight);
  return asked ? { steps: [asked, ...steps.filter((step) => step !== asked)], asked } : { steps };
}

function item(step: RemediationStep): { itemId?: string } {
  return step.itemId ? { itemId: step.itemId } : {};
}

/**
 * Teams shows six buttons in a row and hides the rest in an overflow menu ("…"); the Adaptive Cards
 * renderer drops them. The findings card can offer ten, so its buttons go in rows of six.
 * https://learn.microsoft.com/en-us/microsoftteams/platform/task-modules-and-cards/cards/cards-format#adaptive-cards-overflow-menu
 */
const BUTTONS_PER_ROW = 6;

function buttonRows(buttons: readonly ButtonData[]): { buttons: readonly ButtonData[] }[] {
  const rows: { buttons: readonly ButtonData[] }[] = [];
  for (let start = 0; start < buttons.length; start += BUTTONS_PER_ROW) {
    rows.push({ buttons: buttons.slice(start, start + BUTTONS_PER_ROW) });
  }
  return rows;
}

function button(title: string, action: CardAction, style: ButtonData['style'] = 'default'): ButtonData {
  return { title, verb: action.verb, data: actionData(action), style };
}

function bannerData(banner: Banner, t: (value: Text) => string): Record<string, unknown> {
  return { style: banner.tone === 'neutral' ? 'emphasis' : banner.tone, text: t(banner.text), details: (banner.details ?? []).map(t) };
}

function expand(template: ACData.Template, data: Record<string, unknown>): Attachment {
  return CardFactory.adaptiveCard(template.expand({ $root: data }));
}
