import { createHash, randomBytes } from 'node:crypto';

/** Opaque secrets (refresh and API tokens) are stored only as SHA-256 hashes. */
export const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/** Personal API tokens carry a prefix so the guard can tell them from JWTs at a glance. */
export const API_TOKEN_PREFIX = 'dbn_';

export const newRefreshToken = () => randomBytes(32).toString('base64url');
export const newApiToken = () => `${API_TOKEN_PREFIX}${randomBytes(24).toString('base64url')}`;

export const ACCESS_TOKEN_TTL_S = 15 * 60;
export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 3600 * 1000;
