import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a mail link may do without a login: acknowledge (签收) one item for one unit, until it expires. */
export interface AckClaim {
  taskId: string;
  unitId: string;
  userId: string;
  /** Unix seconds. */
  exp: number;
}

const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64url');

export function signAckToken(claim: AckClaim, secret: string): string {
  const payload = b64(JSON.stringify(claim));
  const sig = createHmac('sha256', secret).update(`ack.${payload}`).digest('base64url');
  return `${payload}.${sig}`;
}

/** The claim, or a reason it is refused. */
export function verifyAckToken(token: string, secret: string, now = new Date()): AckClaim | { error: string } {
  const [payload, sig] = token.split('.');
  if (!payload || !sig) return { error: 'malformed link' };
  const want = createHmac('sha256', secret).update(`ack.${payload}`).digest();
  const got = Buffer.from(sig, 'base64url');
  if (got.length !== want.length || !timingSafeEqual(got, want)) return { error: 'the link signature is invalid' };
  let claim: AckClaim;
  try {
    claim = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { error: 'malformed link' };
  }
  if (typeof claim.exp !== 'number' || claim.exp * 1000 < now.getTime()) return { error: 'the link has expired' };
  return claim;
}
