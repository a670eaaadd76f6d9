import { createHash } from 'node:crypto';

/**
 * A GUID derived from a name, shaped like a random (version 4) one: seeded ids and the ids of
 * sign-ins stay the same from run to run, so tests and screenshots can name them.
 */
export function guidFrom(name: string): string {
  const hex = createHash('sha256').update(name).digest('hex');
  const variant = ((parseInt(hex.charAt(16), 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
