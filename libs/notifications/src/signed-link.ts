import { createHmac, timingSafeEqual } from 'node:crypto';

/** What a mail link may do without a login: acknowledge (签收) one item for one unit, until it expires. */
export interface AckClaim {
  taskId: string;
  unitId: string;
  userId: string;
  /** Unix seconds. */
  exp: number;
}

// Layout of the signed part: version, three UUIDs, expiry (uint40 seconds) = 54 bytes, which is
// exactly 72 base64url characters (no padding bits a changed character could hide in). The
// signature is compared as the exact 43-character string for the same reason.
const VERSION = 1;
const PAYLOAD_BYTES = 1 + 16 * 3 + 5;
const TOKEN = /^([A-Za-z0-9_-]{72})\.([A-Za-z0-9_-]{43})$/;

/** A key of its own for mail links, derived from JWT_SECRET: never the access-token key itself. */
const linkKey = (secret: string) => createHmac('sha256', secret).update('ack-link').digest();
const sign = (payload: string, secret: string) => createHmac('sha256', linkKey(secret)).update(payload).digest('base64url');

const uuidBytes = (id: string) => {
  const hex = id.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(hex)) throw new Error(`not a UUID: ${id}`);
  return Buffer.from(hex, 'hex');
};
const uuidOf = (b: Buffer) => {
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

export function signAckToken(claim: AckClaim, secret: string): string {
  const bytes = Buffer.alloc(PAYLOAD_BYTES);
  bytes.writeUInt8(VERSION, 0);
  uuidBytes(claim.taskId).copy(bytes, 1);
  uuidBytes(claim.unitId).copy(bytes, 17);
  uuidBytes(claim.userId).copy(bytes, 33);
  bytes.writeUIntBE(claim.exp, 49, 5);
  const payload = bytes.toString('base64url');
  return `${payload}.${sign(payload, secret)}`;
}

/** The claim, or a reason it is refused. Only the exact token that was signed passes. */
export function verifyAckToken(token: string, secret: string, now = new Date()): AckClaim | { error: string } {
  const m = TOKEN.exec(token);
  if (!m) return { error: 'malformed link' };
  const [, payload, sig] = m;
  const want = Buffer.from(sign(payload, secret), 'ascii');
  if (!timingSafeEqual(Buffer.from(sig, 'ascii'), want)) return { error: 'the link signature is invalid' };
  const bytes = Buffer.from(payload, 'base64url');
  if (bytes.length !== PAYLOAD_BYTES || bytes.readUInt8(0) !== VERSION) return { error: 'malformed link' };
  const claim: AckClaim = {
    taskId: uuidOf(bytes.subarray(1, 17)),
    unitId: uuidOf(bytes.subarray(17, 33)),
    userId: uuidOf(bytes.subarray(33, 49)),
    exp: bytes.readUIntBE(49, 5),
  };
  if (claim.exp * 1000 < now.getTime()) return { error: 'the link has expired' };
  return claim;
}
