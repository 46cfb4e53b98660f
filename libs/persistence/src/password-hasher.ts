import * as argon2 from 'argon2';
import { randomBytes } from 'node:crypto';

/** argon2id with the library's defaults (OWASP-recommended parameters). */
export const hashPassword = (plain: string) => argon2.hash(plain, { type: argon2.argon2id });

export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Checks a password against a user's hash, or, for no user, against the hash of a random password
 * made with the same parameters, so an unknown username costs as much time as a known one.
 */
export async function verifyUserPassword(hash: string | null | undefined, plain: string): Promise<boolean> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  const ok = await verifyPassword(hash ?? (await dummyHash), plain);
  return Boolean(hash) && ok;
}
