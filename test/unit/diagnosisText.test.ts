/**
 * Every text a diagnosis produces exists in the catalogue and gets every parameter it asks for;
 * every remediation step has its button title and confirmation question.
 */
import { CHECK_NAMES } from '../../src/diagnosis/checkFindings';
import { diagnose } from '../../src/diagnosis/diagnose';
import { SIGN_IN_ERRORS } from '../../src/diagnosis/signInErrors';
import type { Finding } from '../../src/domain/diagnosis';
import type { UnavailableCause } from '../../src/domain/account';
import { render, type Message } from '../../src/i18n/catalogue';
import { en } from '../../src/i18n/en';
import type { Text } from '../../src/i18n/text';
import { DIAGNOSIS_CASES } from './fixtures/diagnosisCases';

const catalogue: Readonly<Record<string, Message>> = en;

function forms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((f): f is string => f !== undefined);
}

function placeholders(message: Message): Set<string> {
  return new Set(forms(message).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string)));
}

function textsOf(finding: Finding): Text[] {
  const texts = [finding.title, ...finding.details];
  if (finding.kind === 'failedSignIns') texts.push(...finding.causes.map((c) => c.meaning));
  return texts;
}

const producedTexts: [string, Text][] = DIAGNOSIS_CASES.flatMap((c) =>
  diagnose(c.state).findings.flatMap((f) => textsOf(f).map((t): [string, Text] => [`${c.name} / ${f.kind}`, t])),
);

describe('diagnosis texts', () => {
  it('covers every finding kind in the table', () => {
    const kinds = new Set(DIAGNOSIS_CASES.flatMap((c) => diagnose(c.state).findings.map((f) => f.kind)));
    expect([...kinds].sort()).toEqual(
      [
        'couldNotCheck',
        'failedSignIns',
        'newSignInMethod',
        'nothingWrong',
        'passwordManagedOnPremises',
        'privilegedTarget',
        'protectedTarget',
        'restrictedSender',
        'signInBlocked',
        'signInMethods',
        'smartLockout',
        'ssprNotRegistered',
        'suspiciousInboxRule',
        'userAtRisk',
      ].sort(),
    );
  });

  it.each(producedTexts)('%s: %j is in the catalogue with all its parameters', (_where, value) => {
    const message = catalogue[value.key];
    expect(message).toBeDefined();
    for (const name of placeholders(message as Message)) expect(value.params ?? {}).toHaveProperty(name);
    if (typeof message !== 'string') expect(value.params ?? {}).toHaveProperty('count');
    expect(render('en', value)).not.toMatch(/\{\w+\}/);
  });

  it.each([...SIGN_IN_ERRORS.entries()])('sign-in error %i has a plural meaning with {count}', (_code, { meaning }) => {
    const message = catalogue[meaning];
    expect(typeof message).toBe('object');
    expect(placeholders(message as Message)).toContain('count');
  });

  it.each(['signInError.50053', 'signInError.50053.maliciousIp', 'signInError.other'])('%s exists', (key) => {
    expect(catalogue[key]).toBeDefined();
  });

  it.each(CHECK_NAMES)('check %s has a title', (check) => {
    expect(catalogue[`check.${check}`]).toEqual(expect.any(String));
  });

  const causes: UnavailableCause[] = ['permission', 'licence', 'notFound', 'throttled', 'outage'];
  it.each(causes)('cause %s is explained', (cause) => {
    expect(catalogue[`cause.${cause}`]).toEqual(expect.any(String));
  });
});

describe('remediation step texts', () => {
  it('names the rule when removing one', () => {
    expect(placeholders(catalogue['step.removeInboxRule.confirm'] as Message)).toContain('item');
  });
});
