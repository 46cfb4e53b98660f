import { createHmac, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, Response } from 'express';
import { REFRESH_TOKEN_TTL_MS } from './tokens';

// The web app's session: the refresh token lives only in an httpOnly cookie that is sent to the
// session endpoints alone; the access token lives in the page's memory. The CSRF token is readable
// by the page, bound to the login (HMAC of its family id) and must come back as X-CSRF-Token.

export const REFRESH_COOKIE = 'duban_refresh';
export const CSRF_COOKIE = 'duban_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_PATH = '/auth/session';

/** A key of its own for each purpose, derived from JWT_SECRET (never the access-token key itself). */
export const derivedKey = (secret: string, purpose: string) => createHmac('sha256', secret).update(purpose).digest();

export const csrfFor = (secret: string, familyId: string) =>
  createHmac('sha256', derivedKey(secret, 'csrf')).update(familyId).digest('base64url');

export function csrfMatches(secret: string, familyId: string, presented: unknown): boolean {
  if (typeof presented !== 'string') return false;
  const want = Buffer.from(csrfFor(secret, familyId));
  const got = Buffer.from(presented);
  return got.length === want.length && timingSafeEqual(got, want);
}

export function readCookie(req: Request, name: string): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return null;
      }
    }
  }
  return null;
}

/** Secure whenever the site is reached over https (PUBLIC_URL says so, or this request came that way). */
const base = (req: Request, publicUrl: string): CookieOptions => ({
  sameSite: 'strict',
  secure: publicUrl.startsWith('https:') || req.secure,
});

export function setSessionCookies(req: Request, res: Response, publicUrl: string, refreshToken: string, csrf: string): void {
  const o = base(req, publicUrl);
  res.cookie(REFRESH_COOKIE, refreshToken, { ...o, httpOnly: true, path: SESSION_PATH, maxAge: REFRESH_TOKEN_TTL_MS });
  res.cookie(CSRF_COOKIE, csrf, { ...o, httpOnly: false, path: '/', maxAge: REFRESH_TOKEN_TTL_MS });
}

export function clearSessionCookies(req: Request, res: Response, publicUrl: string): void {
  const o = base(req, publicUrl);
  res.clearCookie(REFRESH_COOKIE, { ...o, httpOnly: true, path: SESSION_PATH });
  res.clearCookie(CSRF_COOKIE, { ...o, path: '/' });
}
