/**
 * The helpdesk channel in Microsoft's local Teams client (the Agents Playground), in headless
 * Chromium, for the README's pictures: in the Playground's *General* channel (configured as the
 * helpdesk channel, `HELPDESK_CHANNEL_IDS=team-id`) "@Test Bot unlock anna.berzina@contoso.com" →
 * the shared read-only card → Show actions → Reset password → the confirmation → Yes → the channel
 * card "sent to … privately" → the password in the 1:1 chat; then a group chat's first steps with
 * Ask the helpdesk. Saves docs/playground/channel-*.png. Run after a build, in your own clone (the
 * build replaces dist/): `npm run build && node dist/scripts/channelTour.js`. Exits 1 with the
 * failing step; the bot, the Playground and the browser are always stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../src/i18n/catalogue';
import { launchChromium } from './browser';
import { freePort, startLocalBot, waitForHttp } from './localBot';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'docs', 'playground');
/** The Playground's General channel in its default configuration: the team's id. */
const PLAYGROUND_GENERAL_CHANNEL = 'team-id';
const BOT_NAME = 'Test Bot';
const OPERATOR = 'Alex Wilber';

const WORDS = {
  showActions: translate('en', 'card.button.showActions'),
  reset: translate('en', 'step.resetPassword.title'),
  yes: translate('en', 'card.confirm.yes'),
  sent: translate('en', 'channel.secret.passwordSent', { name: OPERATOR }),
  ask: translate('en', 'selfService.askHelpdesk'),
};

async function main(): Promise<void> {
  let bot: ChildProcess | undefined;
  let browser: Browser | undefined;
  let failed = false;
  try {
    const [botPort, playgroundPort] = [await freePort(), await freePort()];
    bot = startLocalBot(botPort, playgroundPort, { env: { STORAGE: 'memory', HELPDESK_CHANNEL_IDS: PLAYGROUND_GENERAL_CHANNEL } });
    await waitForHttp(`http://127.0.0.1:${botPort}/healthz`, 'the bot (/healthz)', bot);
    await waitForHttp(`http://localhost:${playgroundPort}`, 'the Agents Playground', bot);
    browser = await launchChromium();
    // Tall, so a whole findings card fits; each picture is clipped to the newest card.
    const page = await browser.newPage({ viewport: { width: 1000, height: 2600 }, deviceScaleFactor: 1 });
    page.setDefaultTimeout(20_000);
    mkdirSync(OUT_DIR, { recursive: true });
    await tour(page, `http://localhost:${playgroundPort}`);
    console.log(`Channel pictures in ${path.relative(process.cwd(), OUT_DIR) || '.'}/`);
  } catch (error) {
    failed = true;
    console.error(`Channel tour FAILED: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.close().catch(() => undefined);
    if (bot?.pid !== undefined) {
      try {
        process.kill(-bot.pid, 'SIGTERM');
      } catch {
        // Already gone.
      }
    }
  }
  process.exit(failed ? 1 : 0);
}

async function tour(page: Page, playgroundUrl: string): Promise<void> {
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
  await page.locator('[contenteditable="true"][role="textbox"]').first().waitFor();

  await openConversation(page, 'General');
  await mentionAndSend(page, 'unlock anna.berzina@contoso.com', 'Post');
  await button(WORDS.showActions).first().waitFor();
  await snap(page, 'channel-1-shared.png');
  await button(WORDS.showActions).first().click();
  await button(WORDS.reset).first().waitFor();
  await snap(page, 'channel-2-operator.png');
  await button(WORDS.reset).first().click();
  await button(WORDS.yes).waitFor();
  await page.getByRole('radio').first().check();
  await snap(page, 'channel-3-confirm.png');
  await button(WORDS.yes).click();
  await page.getByText(WORDS.sent).first().waitFor();
  await snap(page, 'channel-4-done.png');

  await openConversation(page, 'Personal Chat');
  // The Playground keeps its conversation list over the chat once opened: hidden for the picture only.
  await page.evaluate(() => {
    let node = document.querySelector('[role="tree"]');
    while (node?.parentElement && node.getBoundingClientRect().width < 300) node = node.parentElement;
    while (node?.parentElement && node.parentElement.getBoundingClientRect().width < 400) node = node.parentElement;
    if (node instanceof HTMLElement) {
      node.dataset.hiddenForPicture = 'true';
      node.style.display = 'none';
    }
  });
  await snap(page, 'channel-5-private.png', true);
  await page.evaluate(() => {
    const node = document.querySelector('[data-hidden-for-picture]');
    if (node instanceof HTMLElement) node.style.display = '';
  });

  await openConversation(page, 'Group Chat');
  await mentionAndSend(page, "I can't sign in", 'Send Message');
  await button(WORDS.ask).first().waitFor();
  await snap(page, 'channel-6-group-chat.png');
}

async function openConversation(page: Page, name: string): Promise<void> {
  // The ☰ button, first in the page, opens the list of chats and channels.
  await page.getByRole('button').first().click();
  await page.getByRole('treeitem').filter({ hasText: name }).first().click();
  await page.waitForTimeout(500);
}

/** The Playground, like Teams, sends the bot only messages that mention it: "@Test" and the suggestion. */
async function mentionAndSend(page: Page, text: string, send: 'Post' | 'Send Message'): Promise<void> {
  await page.locator('[contenteditable="true"][role="textbox"]').first().click();
  await page.keyboard.type('@Test');
  await page.getByRole('listbox').getByText(BOT_NAME).click();
  await page.keyboard.type(` ${text}`);
  await page.getByRole('button', { name: send, exact: true }).click();
}

/** The newest card and the message above it. */
async function snap(page: Page, file: string, fullWidth = false): Promise<void> {
  await page.waitForTimeout(700); // let the card finish laying out
  const hideLog = page.getByRole('button', { name: 'Hide log panel' });
  if (await hideLog.isVisible()) await hideLog.click();
  const box = await page.locator('.ac-adaptiveCard').last().boundingBox();
  if (!box) throw new Error(`no card to picture for ${file}`);
  const top = Math.max(0, box.y - 130);
  const width = fullWidth ? 1000 : Math.min(1000, box.x + box.width + 40);
  await page.screenshot({ path: path.join(OUT_DIR, file), clip: { x: 0, y: top, width, height: box.y + box.height + 20 - top } });
  console.log(`✓ ${file}`);
}




void main();
