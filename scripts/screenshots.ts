/**
 * `npm run screenshots`: pictures of the cards people see, for the README. Each pictured sample of
 * `cardSamples.ts` is rendered by Microsoft's Adaptive Cards renderer in headless Chromium, as Teams
 * shows it in its light theme (a white card on the grey chat background), and saved as
 * `docs/cards/<name>.<locale>.png`.
 */
import { mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type * as AdaptiveCards from 'adaptivecards';
import type { Page } from 'playwright-core';
import { launchChromium } from './browser';
import { cardSamples, type CardSample } from '../test/fixtures/cardSamples';
import { TEAMS_LIGHT_HOST_CONFIG } from './teamsHostConfig';

const OUT_DIR = path.resolve(__dirname, '..', '..', 'docs', 'cards');
const WIDTH = 420;

/**
 * The chat around the card. Segoe UI is Teams' font; where it is missing (Linux CI), Liberation Sans
 * has the closest widths, so text wraps about where it would in Teams. Buttons follow Teams' look and
 * wrap to a new line instead of being cut off.
 */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  @font-face { font-family: 'Segoe UI'; font-weight: 400; src: local('Segoe UI'), local('Liberation Sans'), local('Arial'); }
  @font-face { font-family: 'Segoe UI'; font-weight: 600 700; src: local('Segoe UI Semibold'), local('Liberation Sans Bold'), local('Arial Bold'); }
  html, body { margin: 0; background: #F5F5F5; }
  #frame { width: ${WIDTH}px; box-sizing: border-box; padding: 12px; background: #F5F5F5; }
  #card { background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 2px rgba(0,0,0,0.14), 0 0 2px rgba(0,0,0,0.12); overflow: hidden; }
  #card p { margin: 0; }
  .ac-actionSet { flex-wrap: wrap; row-gap: 8px; }
  .ac-pushButton { font-family: 'Segoe UI', system-ui, sans-serif; font-size: 14px; font-weight: 600; min-height: 32px;
    padding: 4px 12px; border-radius: 4px; border: 1px solid #D1D1D1; background: #FFFFFF; color: #242424;
    overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
  .ac-pushButton.style-positive { background: #6264A7; border-color: #6264A7; color: #FFFFFF; }
  .ac-pushButton.style-destructive { background: #FFFFFF; border-color: #C4314B; color: #C4314B; }
</style></head>
<body><div id="frame"><div id="card"></div></div></body></html>`;

async function renderCard(page: Page, sample: CardSample): Promise<void> {
  await page.evaluate(
    ({ card, hostConfig }) => {
      const AC = (window as unknown as { AdaptiveCards: typeof AdaptiveCards }).AdaptiveCards;
      const escape = (text: string): string =>
        text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
      // Enough Markdown for our texts: **bold**, and URLs as links; Teams does the same.
      AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
        result.outputHtml = `<p>${escape(text)
          .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
          .replace(/https?:\/\/[^\s<]+[^\s<.,)]/g, (url) => `<a href="${url}">${url}</a>`)}</p>`;
        result.didProcess = true;
      };
      const adaptiveCard = new AC.AdaptiveCard();
      adaptiveCard.hostConfig = new AC.HostConfig(hostConfig);
      adaptiveCard.parse(card);
      const rendered = adaptiveCard.render();
      const host = document.getElementById('card');
      if (!rendered || !host) throw new Error('the renderer returned nothing');
      host.replaceChildren(rendered);
    },
    { card: sample.card, hostConfig: TEAMS_LIGHT_HOST_CONFIG },
  );
}

async function main(): Promise<void> {
  const samples = cardSamples().filter((sample) => sample.pictured);
  mkdirSync(OUT_DIR, { recursive: true });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: WIDTH, height: 600 }, deviceScaleFactor: 1 });
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning' || message.type() === 'error') warnings.push(message.text());
    });
    await page.setContent(PAGE);
    await page.addScriptTag({ path: require.resolve('adaptivecards/dist/adaptivecards.min.js') });
    for (const sample of samples) {
      await renderCard(page, sample);
      const file = path.join(OUT_DIR, `${sample.name}.${sample.locale}.png`);
      await page.locator('#frame').screenshot({ path: file, animations: 'disabled' });
      console.log(`${path.relative(process.cwd(), file)}  ${Math.round(statSync(file).size / 1024)} kB`);
    }
    if (warnings.length > 0) {
      console.warn(`The renderer warned:\n${[...new Set(warnings)].join('\n')}`);
    }
  } finally {
    await browser.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
