/**
 * `npm run test:ui`: the whole flow in Microsoft's local Teams client (the Agents Playground) in a
 * real browser. Starts the bot as `npm start` does (simulated tenant, Playground on), then, in
 * headless Chromium: "unlock" → the question → the seeded blocked user → the findings card →
 * "Allow sign-in" → the confirmation → "Yes, do it" → the card updated in place. Saves a screenshot
 * of each step in docs/playground/. Exits 0 on success, 1 with the failing step otherwise; the bot,
 * the Playground and the browser are always stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { translate } from '../src/i18n/catalogue';
import { SEEDED } from '../src/simulator/seeded';
import { launchChromium } from './browser';
import { freePort, startLocalBot, waitForHttp } from './localBot';

const ROOT = path.resolve(__dirname, '..', '..');
const OUT_DIR = path.join(ROOT, 'docs', 'playground');
const FAILURE_SCREENSHOT = path.join(tmpdir(), 'unlock-ui-failure.png');
const TOTAL_TIMEOUT_MS = 120_000;
const STEP_TIMEOUT_MS = 20_000;

/** What the operator sees, from the catalogue, so a rewording does not break the test. */
const USER = SEEDED.users.signInBlocked;
const ALLOW_SIGN_IN = translate('en', 'step.allowSignIn.title');
const EXPECT = {
  ask: translate('en', 'unlock.ask'),
  finding: translate('en', 'finding.signInBlocked.title'),
  confirmQuestion: translate('en', 'step.allowSignIn.confirm', { user: USER.displayName }),
  yes: translate('en', 'card.confirm.yes'),
  done: translate('en', 'result.done', { action: { key: 'step.allowSignIn.title' } }),
};

interface Running {
  bot?: ChildProcess;
  browser?: Browser;
  output: string[];
}

async function main(): Promise<void> {
  const running: Running = { output: [] };
  const stopOnSignal = (signal: NodeJS.Signals): void => {
    void stop(running).finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.once('SIGINT', stopOnSignal);
  process.once('SIGTERM', stopOnSignal);

  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`gave up after ${TOTAL_TIMEOUT_MS / 1000} s`)), TOTAL_TIMEOUT_MS);
  });
  let failed = false;
  try {
    await Promise.race([run(running), timeout]);
    console.log(`\nUI test passed; screenshots in ${path.relative(process.cwd(), OUT_DIR) || '.'}/`);
  } catch (error) {
    failed = true;
    console.error(`\nUI test FAILED: ${error instanceof Error ? error.message : String(error)}`);
    const tail = running.output.join('').split('\n').slice(-30).join('\n');
    if (tail.trim()) console.error(`\nLast lines of the bot's output:\n${tail}`);
  } finally {
    clearTimeout(timer);
    await stop(running);
  }
  process.exit(failed ? 1 : 0);
}

async function run(running: Running): Promise<void> {
  const [botPort, playgroundPort] = [await freePort(), await freePort()];
  running.bot = startLocalBot(botPort, playgroundPort, { stdio: ['ignore', 'pipe', 'pipe'] });
  keepOutput(running.bot, running.output);
  const playgroundUrl = `http://localhost:${playgroundPort}`;
  await waitForHttp(`http://127.0.0.1:${botPort}/healthz`, 'the bot (/healthz)', running.bot);
  await waitForHttp(playgroundUrl, 'the Agents Playground', running.bot);
  console.log(`Bot on port ${botPort}, Agents Playground on ${playgroundUrl}`);

  running.browser = await launchChromium();
  const page = await running.browser.newPage({ viewport: { width: 1100, height: 800 }, deviceScaleFactor: 1 });
  page.setDefaultTimeout(STEP_TIMEOUT_MS);
  mkdirSync(OUT_DIR, { recursive: true });
  try {
    await drive(page, playgroundUrl);
  } catch (error) {
    await page.screenshot({ path: FAILURE_SCREENSHOT }).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n(screenshot of the page: ${FAILURE_SCREENSHOT})`, { cause: error });
  }
}

async function drive(page: Page, playgroundUrl: string): Promise<void> {
  await step('open the Playground', async () => {
    await page.goto(playgroundUrl, { waitUntil: 'domcontentloaded' });
    await compose(page).waitFor();
    // The log panel takes a third of the window; the chat is what we want to see.
    const hideLog = page.getByRole('button', { name: 'Hide log panel' });
    if (await hideLog.isVisible()) await hideLog.click();
  });
  await step(`type "unlock" → "${EXPECT.ask}"`, async () => {
    await send(page, 'unlock');
    await page.getByText(EXPECT.ask).last().waitFor();
    await snap(page, '01-ask.png');
  });
  await step(`type ${USER.upn} → the findings card with "${EXPECT.finding}"`, async () => {
    await send(page, USER.upn);
    await page.getByText(EXPECT.finding).last().waitFor();
    await button(page, ALLOW_SIGN_IN).waitFor();
    await snap(page, '02-findings.png');
  });
  await step(`click "${ALLOW_SIGN_IN}" → the confirmation`, async () => {
    await button(page, ALLOW_SIGN_IN).click();
    await page.getByText(EXPECT.confirmQuestion).last().waitFor();
    await button(page, EXPECT.yes).waitFor();
    await snap(page, '03-confirm.png');
  });
  await step(`click "${EXPECT.yes}" → "${EXPECT.done}"`, async () => {
    await button(page, EXPECT.yes).click();
    await page.getByText(EXPECT.done).last().waitFor();
    // The card is replaced in place: the confirmation is gone, not left above the result.
    await button(page, EXPECT.yes).waitFor({ state: 'detached' });
    await snap(page, '04-done.png');
  });
}

async function step(name: string, action: () => Promise<void>): Promise<void> {
  const started = Date.now();
  try {
    await action();
  } catch (error) {
    throw new Error(`step "${name}": ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, { cause: error });
  }
  console.log(`✓ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

/** The compose box is a rich-text editor (a contenteditable textbox), not an input. */
function compose(page: Page) {
  return page.locator('[contenteditable="true"][role="textbox"]');
}

function button(page: Page, name: string) {
  return page.getByRole('button', { name, exact: true });
}

async function send(page: Page, message: string): Promise<void> {
  await compose(page).click();
  await page.keyboard.type(message);
  await page.getByRole('button', { name: 'Send Message' }).click();
}

async function snap(page: Page, file: string): Promise<void> {
  await page.waitForTimeout(300); // let the card finish laying out
  await page.screenshot({ path: path.join(OUT_DIR, file) });
}


/** The bot's last lines, for the message when a step fails. */
function keepOutput(bot: ChildProcess, output: string[]): void {
  const keep = (chunk: Buffer): void => {
    output.push(chunk.toString());
    if (output.length > 500) output.splice(0, output.length - 500);
  };
  bot.stdout?.on('data', keep);
  bot.stderr?.on('data', keep);
}

async function stop(running: Running): Promise<void> {
  const { browser, bot } = running;
  running.browser = undefined;
  running.bot = undefined;
  await browser?.close().catch(() => undefined);
  if (bot?.pid === undefined || bot.exitCode !== null || bot.signalCode !== null) return;
  const group = -bot.pid;
  const exited = new Promise<void>((resolve) => bot.once('exit', () => resolve()));
  signalGroup(group, 'SIGTERM');
  const inTime = await Promise.race([exited.then(() => true), delay(5000).then(() => false)]);
  // The bot stops the Playground on SIGTERM; whatever is left of the group is killed.
  signalGroup(group, inTime ? 'SIGTERM' : 'SIGKILL');
}

function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch {
    // The group is already gone.
  }
}



function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

void main();
