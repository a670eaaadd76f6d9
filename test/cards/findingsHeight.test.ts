/**
 * A compromised account's findings card fits one screen where it matters: the summary, the banner
 * with the result of the last click and the step buttons are visible without scrolling in Teams at
 * 1100 × 800 px; the paragraphs under the findings' titles wait behind "Details"
 * (`Action.ToggleVisibility`). The card is laid out by Microsoft's Adaptive Cards renderer in headless
 * Chromium (the system's, as `npm run screenshots` uses) and measured.
 */
import type * as AdaptiveCards from 'adaptivecards';
import type { Browser, Page } from 'playwright-core';
import { findingsCard } from '../../cards';
import { diagnose } from '../../src/diagnosis/diagnose';
import { text } from '../../src/i18n/text';
import { hasChromium, launchChromium } from '../../scripts/browser';
import { TEAMS_LIGHT_HOST_CONFIG } from '../../scripts/teamsHostConfig';
import { SAMPLE_ACCOUNTS } from '../fixtures/sampleAccounts';
import { cardButtons, type CardJson } from '../support/botHarness';

/**
 * Teams desktop in a 1100 × 800 window: the app bar (68 px) and the chat list (320 px) leave 712 px
 * for the chat, where a card is at most about 520 px wide; the title bar (48 px), the chat header
 * (56 px) and the compose box (88 px) leave 608 px of the height for the card.
 */
const CARD_WIDTH = 520;
const VISIBLE_HEIGHT = 608;

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><style>
  @font-face { font-family: 'Segoe UI'; font-weight: 400; src: local('Segoe UI'), local('Liberation Sans'), local('Arial'); }
  @font-face { font-family: 'Segoe UI'; font-weight: 600 700; src: local('Segoe UI Semibold'), local('Liberation Sans Bold'), local('Arial Bold'); }
  html, body { margin: 0; }
  #card { width: ${CARD_WIDTH}px; }
  #card p { margin: 0; }
  .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
  .ac-pushButton { font-size: 14px; min-height: 32px; padding: 4px 12px; white-space: nowrap; }
</style></head><body><div id="card"></div></body></html>`;

/**
 * `npm test` on a fresh machine passes without a browser: there this file is skipped, and says so.
 * CI installs Chromium first (`.ci/run`), and with `CI` set a missing Chromium fails the run instead.
 */
const runs = hasChromium() || Boolean(process.env.CI);
const inBrowser = runs ? describe : describe.skip;
if (!runs) {
  console.warn('findingsHeight.test.ts skipped: no Chromium (apt-get install -y chromium, or set CHROMIUM_PATH).');
}

let browser: Browser;
let page: Page;
beforeAll(async () => {
  if (!runs) return;
  browser = await launchChromium();
  page = await browser.newPage({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
  await page.setContent(PAGE);
  await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
}, 60_000);
afterAll(async () => {
  await browser?.close();
});

/** Lays the card out; answers where its parts end, in px from the card's top. */
async function layOut(card: CardJson): Promise<{ summaryBottom: number; bannerBottom: number; buttonsBottom: number; total: number }> {
  return page.evaluate(
    ({ content, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCards }).AdaptiveCards;
      AC.AdaptiveCard.onProcessMarkdown = (source, result) => {
        result.outputHtml = `<p>${source.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`;
        result.didProcess = true;
      };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
      adaptiveCard.parse(content);
      const rendered = adaptiveCard.render();
      const host = document.getElementById('card');
      if (!rendered || !host) throw new Error('the renderer returned nothing');
      host.replaceChildren(rendered);
      const top = host.getBoundingClientRect().top;
      const bottom = (element: Element | null | undefined): number => (element ? element.getBoundingClientRect().bottom - top : Number.NaN);
      const blocks = Array.from(host.querySelectorAll('.ac-textBlock'));
      const actionSets = Array.from(host.querySelectorAll('.ac-actionSet')).filter((set) => set.getBoundingClientRect().height > 0);
      // The innermost container holding the banner's text: the banner itself.
      const banner = Array.from(host.querySelectorAll('.ac-container')).filter((container) => /Reset password: (done|izpildīts)/.test(container.textContent ?? '')).pop();
      return {
        summaryBottom: bottom(blocks[2]),
        bannerBottom: bottom(banner),
        buttonsBottom: bottom(actionSets[actionSets.length - 1]),
        total: host.getBoundingClientRect().height,
      };
    },
    { content: card, hostConfig: TEAMS_LIGHT_HOST_CONFIG },
  );
}

const everything = SAMPLE_ACCOUNTS.everything;
const user = { id: everything.user.id, userPrincipalName: everything.user.userPrincipalName, displayName: everything.user.displayName };
const card = (locale: 'en' | 'lv'): CardJson =>
  findingsCard(
    {
      user,
      diagnosis: diagnose(everything),
      cardId: '2b7e1c4a-9d3f-4a6b-8c5e-1f0a2b3c4d5e',
      checkedAt: everything.checkedAt,
      banner: { tone: 'good', text: text('result.done', { action: 'Reset password' }), details: [text('result.doneDelay')] },
    },
    { locale },
  ).content as CardJson;

inBrowser('a compromised account\'s findings card', () => {
  it.each(['en', 'lv'] as const)('shows the summary, the banner and the step buttons within one screen (%s)', async (locale) => {
    const shown = await layOut(card(locale));
    expect(shown.summaryBottom).toBeLessThan(shown.bannerBottom);
    expect(shown.bannerBottom).toBeLessThanOrEqual(shown.buttonsBottom);
    expect(shown.buttonsBottom).toBeLessThanOrEqual(VISIBLE_HEIGHT);
  });

  it('keeps the paragraphs one click away behind Details', () => {
    const json = card('en');
    const toggle = JSON.stringify(json).match(/"type":"Action.ToggleVisibility","title":"Details","targetElements":\[([^\]]*)\]/);
    expect(toggle).not.toBeNull();
    const hidden = (JSON.stringify(json).match(/"id":"details\w+","isVisible":false/g) ?? []).map((found) => /"id":"(details\w+)"/.exec(found)?.[1]);
    expect(hidden.length).toBeGreaterThan(3);
    // One click shows them all: the findings' paragraphs and the facts to check the caller against.
    expect(toggle?.[1]?.split(',').map((id) => JSON.parse(id) as string).sort()).toEqual([...hidden].sort());
    // The step buttons are all still there.
    expect(cardButtons(json).map((button) => button.title)).toEqual(expect.arrayContaining(['Reset password', 'Check again']));
  });
});
