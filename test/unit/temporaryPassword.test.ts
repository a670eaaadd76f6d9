/** Temporary passwords meet Entra's rules and are not predictable. */
import { generateTemporaryPassword, meetsEntraComplexity, TEMPORARY_PASSWORD_LENGTH } from '../../src/steps/temporaryPassword';
import { Secret } from '../../src/domain/secret';
import { inspect } from 'node:util';

describe('temporary passwords', () => {
  it('are 16 characters with all four character classes, 1000 times over', () => {
    for (let i = 0; i < 1000; i += 1) {
      const password = generateTemporaryPassword();
      expect(password).toHaveLength(TEMPORARY_PASSWORD_LENGTH);
      expect(meetsEntraComplexity(password)).toBe(true);
      expect(password).toMatch(/[a-z]/);
      expect(password).toMatch(/[A-Z]/);
      expect(password).toMatch(/[0-9]/);
      expect(password).toMatch(/[^a-zA-Z0-9]/);
      expect(password).not.toMatch(/[0O1lI]/);
      // Markdown's characters and dead keys: safe on the card anyway, but hard to read out and type.
      expect(password).not.toMatch(/[*_#\-+[\]()`~^'"\\<>&]/);
    }
  });

  it('differ from each other', () => {
    const seen = new Set(Array.from({ length: 500 }, () => generateTemporaryPassword()));
    expect(seen.size).toBe(500);
  });

  it.each([
    ['short', 'Ab1!', false],
    ['two classes', 'abcdefgh12', false],
    ['three classes', 'abcdefgH12', true],
    ['unicode', 'Ābcdefg12!', false],
  ])('complexity: %s', (_name, password, ok) => {
    expect(meetsEntraComplexity(password)).toBe(ok);
  });
});

describe('Secret', () => {
  it('never serialises or prints its value', () => {
    const secret = new Secret('Hunter2!Hunter2!');
    expect(JSON.stringify({ secret })).not.toContain('Hunter2');
    expect(String(secret)).not.toContain('Hunter2');
    expect(inspect({ secret })).not.toContain('Hunter2');
    expect(secret.reveal()).toBe('Hunter2!Hunter2!');
  });
});
