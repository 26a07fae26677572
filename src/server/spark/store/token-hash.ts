import { createHash } from 'node:crypto';

/**
 * What the emulator keeps of an access token, refresh token or authorization code: its SHA-256
 * (hex). Tokens are random 256-bit values, so an unsalted hash is enough: whoever reads the
 * database file cannot call the API, and a token presented is found by its hash.
 */
export const tokenHash = (token: string): string =>
  createHash('sha256').update(token, 'utf8').digest('hex');
