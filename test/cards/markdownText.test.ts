/**
 * @jest-environment jsdom
 * @jest-environment-options {"customExportConditions": ["node", "node-addons"]}
 *
 * Directory data on a card shows as written. Teams renders `TextBlock` text as Markdown, so a display
 * name or an inbox rule named `*bold* [link](http://x) _x_ # h` would turn into bold, a link and
 * italics on the findings card, the hand-over an operator pastes into a ticket, a confirmation or the
 * history. Each is rendered to a DOM by Microsoft's Adaptive Cards renderer with a Markdown processor
 * switched on, as Teams has it, and the visible text is compared exactly.
 */
import * as AC from 'adaptivecards';
import MarkdownIt from 'markdown-it';
import { confirmCard, findingsCard, messageCard } from '../../cards';
import { historyCard } from '../../cards/history';
import { diagnose } from '../../src/diagnosis/diagnose';
import { text } from '../../src/i18n/text';
import { handOver } from '../../src/steps/handOver';
import { stepLabel } from '../../src/steps/registry';
import { TEAMS_LIGHT_HOST_CONFIG } from '../../scripts/teamsHostConfig';
import { EXTERNAL_FORWARD, rule, rules, stateWith } from '../unit/fixtures/accountStates';

// jsdom has no `innerText`, which the renderer uses for text it does not run through Markdown.
Object.defineProperty(HTMLElement.prototype, 'innerText', {
  configurable: true,
  get(this: HTMLElement) {
    return this.textContent;
  },
  set(this: HTMLElement, value: string) {
    this.textContent = value;
  },
});

const markdown = new MarkdownIt();
AC.AdaptiveCard.onProcessMarkdown = (source, result) => {
  result.outputHtml = markdown.render(source).trimEnd();
  result.didProcess = true;
};

const HOSTILE = '*bold* [link](http://x) _x_ # h';

/** What a person sees: the visible text of every text element, and whether any link or emphasis was made. */
function rendered(content: unknown): { texts: string[]; markup: number } {
  const card = new AC.AdaptiveCard();
  card.hostConfig = new AC.HostConfig(TEAMS_LIGHT_HOST_CONFIG);
  card.parse(content);
  const element = card.render();
  if (!element) throw new Error('the card did not render');
  const texts = Array.from(element.querySelectorAll('.ac-textBlock, .ac-richTextBlock')).map((node) => (node.textContent ?? '').trim());
  return { texts, markup: element.querySelectorAll('.ac-textBlock a, .ac-textBlock em, .ac-textBlock strong, .ac-textBlock h1, .ac-textBlock code').length };
}

const base = stateWith(rules(rule('r1', { ...EXTERNAL_FORWARD, displayName: HOSTILE })));
const state = { ...base, user: { ...base.user, displayName: HOSTILE, userPrincipalName: 'first_last_@contoso.com' } };
const diagnosis = diagnose(state);
const user = { id: state.user.id, displayName: HOSTILE, userPrincipalName: state.user.userPrincipalName };

describe('directory data on a card shows as written', () => {
  it('the findings card: the name in the heading, the address, the rule in its finding', () => {
    const { texts, markup } = rendered(findingsCard({ user, diagnosis, cardId: 'c1', checkedAt: state.checkedAt }, { locale: 'en' }).content);
    expect(texts).toContain(`Account check: ${HOSTILE}`);
    expect(texts).toContain('first_last_@contoso.com');
    expect(texts).toContain(`⚠️ Warning · Inbox rule "${HOSTILE}" hides or sends mail elsewhere`);
    expect(markup).toBe(0);
  });

  it('the hand-over: every line as written, the name and the rule included', () => {
    const { heading, paragraphs } = handOver.guidance({ target: user, state, diagnosis, stepName: stepLabel, history: { kind: 'read', records: [], more: false } });
    const { texts, markup } = rendered(messageCard({ heading, paragraphs }, { locale: 'en' }).content);
    expect(texts[0]).toBe(`Hand over: ${HOSTILE} (first_last_@contoso.com)`);
    expect(texts).toContain(`User: ${HOSTILE} · first_last_@contoso.com · object id ${user.id}`);
    expect(texts).toContain(`⚠️ Warning · Inbox rule "${HOSTILE}" hides or sends mail elsewhere`);
    expect(texts).toContain(`– Remove rule: "${HOSTILE}"`);
    expect(markup).toBe(0);
  });

  it('the confirmation and the history', () => {
    const step = diagnosis.steps.find((candidate) => candidate.id === 'removeInboxRule') ?? { id: 'removeInboxRule' };
    const confirm = rendered(confirmCard({ user, step, cardId: 'c1', confirmationId: 'k1' }, { locale: 'en' }).content);
    expect(confirm.texts).toContain(`Remove rule: "${HOSTILE}"`);
    expect(confirm.texts).toContain(`Remove the inbox rule "${HOSTILE}" from the mailbox of ${HOSTILE}?`);
    expect(confirm.markup).toBe(0);
    const history = rendered(historyCard({ heading: text('history.heading', { name: HOSTILE }), lines: [], empty: text('history.empty'), more: false }, { locale: 'en' }).content);
    expect(history.texts.join('\n')).toContain(HOSTILE);
    expect(history.markup).toBe(0);
  });

  it('the catalogue\'s own Markdown still works: only the data is escaped', () => {
    const { markup } = rendered(messageCard({ heading: text('help.heading'), paragraphs: [text('help.unlock')] }, { locale: 'en' }).content);
    expect(markup).toBeGreaterThan(0);
  });
});

describe('a line that starts with a number keeps it (no ordered list)', () => {
  const record = {
    at: '2026-12-01T07:35:00.000Z',
    actionId: 'c1:resetPassword',
    actor: { aadObjectId: 'operator-1', name: 'Alex Wilber' },
    place: { conversationId: 'conversation-1' },
    target: { id: 'user-1', userPrincipalName: 'anna.berzina@contoso.com', displayName: 'Anna Bērziņa' },
    step: 'resetPassword',
    outcome: { kind: 'succeeded' as const },
  };
  const history = (locale: 'en' | 'lv'): string[] =>
    rendered(
      historyCard(
        {
          heading: text('history.heading', { name: 'Anna Bērziņa' }),
          lines: [
            { kind: 'action', record },
            { kind: 'refusedAttempts', actor: { aadObjectId: 'someone', name: 'Megan Bowen' }, count: 1, latest: '2026-12-01T07:30:00.000Z', earliest: '2026-12-01T07:30:00.000Z' },
          ],
          empty: text('history.empty'),
          more: false,
        },
        { locale },
      ).content,
    ).texts;

  it('the Latvian history: "2026. gada 1. dec." at the start of a line is the date, not a list number', () => {
    const texts = history('lv');
    expect(texts.some((line) => line.startsWith('2026. gada 1. dec. 07:35 UTC · Alex Wilber · '))).toBe(true);
    expect(texts.some((line) => line.startsWith('2026. gada 1. dec. 07:30 UTC · 1 noraidīts mēģinājums'))).toBe(true);
  });

  it('the English history is unchanged', () => {
    expect(history('en').some((line) => line.startsWith('1 Dec 2026, 07:35 UTC · Alex Wilber · '))).toBe(true);
  });

  it('a number at the start of a parameter and of a later line in it shows as written', () => {
    const { texts } = rendered(messageCard({ heading: text('result.done', { action: '2026. Anna\n1) Bērziņa' }), paragraphs: [] }, { locale: 'en' }).content);
    expect(texts.join(' ').replace(/\s+/g, ' ')).toBe('2026. Anna 1) Bērziņa: done.');
  });
});
