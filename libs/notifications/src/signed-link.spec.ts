import { createHmac } from 'node:crypto';
import { AckClaim, signAckToken, verifyAckToken } from './signed-link';

const SECRET = 'a-test-secret-of-enough-length';
const NOW = new Date('2027-06-01T00:00:00Z');
const claim: AckClaim = {
  taskId: '3f1c9a7e-2b4d-4c8e-9a61-7d2e5f8b9c03',
  unitId: '0f6a3c2e-1d4b-4a8e-9c61-7b2d5e8f9a01',
  userId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  exp: Math.floor(NOW.getTime() / 1000) + 3600,
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const other = (c: string) => B64[(B64.indexOf(c) + 1) % 64];

describe('acknowledgement links', () => {
  const token = signAckToken(claim, SECRET);

  it('round-trips the claim and has one fixed shape', () => {
    expect(verifyAckToken(token, SECRET, NOW)).toEqual(claim);
    expect(token).toMatch(/^[A-Za-z0-9_-]{72}\.[A-Za-z0-9_-]{43}$/);
  });

  it('refuses a token with any character changed, including the very last one', () => {
    for (const i of [0, 35, 71, 73, token.length - 2, token.length - 1]) {
      const changed = token.slice(0, i) + other(token[i]) + token.slice(i + 1);
      expect(verifyAckToken(changed, SECRET, NOW)).toHaveProperty('error');
    }
  });

  it('refuses extra characters after the signature, and anything not exactly the signed token', () => {
    for (const bad of [`${token}A`, `${token}.`, `${token}=`, ` ${token}`, `${token}\n`, token.slice(0, -1), token.replace('.', '..'), '', 'a.b']) {
      expect(verifyAckToken(bad, SECRET, NOW)).toEqual({ error: 'malformed link' });
    }
  });

  it('refuses another secret, and a signature made with JWT_SECRET itself rather than the link key', () => {
    expect(verifyAckToken(token, 'another-secret-entirely-xx', NOW)).toEqual({ error: 'the link signature is invalid' });
    const payload = token.split('.')[0];
    const withJwtKey = `${payload}.${createHmac('sha256', SECRET).update(payload).digest('base64url')}`;
    expect(verifyAckToken(withJwtKey, SECRET, NOW)).toEqual({ error: 'the link signature is invalid' });
  });

  it('expires', () => {
    expect(verifyAckToken(token, SECRET, new Date((claim.exp + 1) * 1000))).toEqual({ error: 'the link has expired' });
    expect(verifyAckToken(token, SECRET, new Date(claim.exp * 1000))).toEqual(claim);
  });

  it('refuses to sign what is not a UUID', () => {
    expect(() => signAckToken({ ...claim, taskId: 'task-1' }, SECRET)).toThrow(/not a UUID/);
  });
});
