/**
 * The findings card's layout promises: the result banner sits right above the buttons (where the
 * operator clicked), at most three steps are buttons of their own and the rest are under "More
 * actions", and severity is never yellow or light-green text, which Teams' light theme cannot show.
 */
import { findingsCard } from '../../cards';
import { diagnose } from '../../src/diagnosis/diagnose';
import { text } from '../../src/i18n/text';
import { SAMPLE_ACCOUNTS } from '../fixtures/sampleAccounts';
import { cardButtons, type CardJson } from '../support/botHarness';

const everything = SAMPLE_ACCOUNTS.everything;
const user = { id: everything.user.id, userPrincipalName: everything.user.userPrincipalName, displayName: everything.user.displayName };
const card = (withBanner: boolean): CardJson & { body: Record<string, unknown>[] } =>
  findingsCard(
    {
      user,
      diagnosis: diagnose(everything),
      cardId: '2b7e1c4a-9d3f-4a6b-8c5e-1f0a2b3c4d5e',
      checkedAt: everything.checkedAt,
      ...(withBanner ? { banner: { tone: 'good' as const, text: text('result.cancelled') } } : {}),
    },
    { locale: 'en' },
  ).content as CardJson & { body: Record<string, unknown>[] };

describe('the findings card', () => {
  it('puts the result banner right above the buttons', () => {
    const body = card(true).body;
    const last = body[body.length - 1];
    const beforeLast = body[body.length - 2];
    expect(last?.type).toBe('ActionSet');
    expect(beforeLast?.type).toBe('Container');
    expect(JSON.stringify(beforeLast)).toContain('Cancelled. Nothing was changed.');
  });

  it('shows at most three steps as buttons of their own; every other step is one click away under More actions', () => {
    const row = card(false).body.find((element: Record<string, unknown>) => element.type === 'ActionSet') as { actions: { type: string; title: string }[] };
    const steps = row.actions.filter((action) => action.type === 'Action.Execute' && action.title !== 'Check again');
    expect(steps.length).toBeLessThanOrEqual(3);
    expect(row.actions.map((action) => action.title)).toContain('More actions');
    const all = cardButtons(card(false)).map((action) => action.title);
    expect(all).toEqual(expect.arrayContaining(['Allow sign-in', 'Unblock sending', 'Dismiss risk', 'Hand over to support', 'Check again']));
  });

  it('colours only blocking findings, never with yellow or light-green text', () => {
    const colours = JSON.stringify(card(false)).match(/"color":"(\w+)"/g) ?? [];
    expect(colours.length).toBeGreaterThan(0);
    expect(colours.filter((colour) => !/"(Attention|Default)"/.test(colour))).toEqual([]);
  });
});
