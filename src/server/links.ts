/**
 * Room ids and link tokens. A token names its room, its role and the room's link generation, and
 * is signed with HMAC-SHA256 by a secret generated once and kept in --data (mode 0600). Revoking a
 * room's links raises its generation, so every older token stops working.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { openSync, readFileSync, writeSync, closeSync, fsyncSync } from 'node:fs';
import { join } from 'node:path';

export type Role = 'edit' | 'view';

const SECRET_FILE = 'secret.key';
const SECRET_BYTES = 32;

/** 128 random bits, base64url. */
export function newRoomId(): string {
  return randomBytes(16).toString('base64url');
}

/** The server's secret: read from --data, or generated once and written there readable by its owner only. */
export function loadOrCreateSecret(dataDir: string): Buffer {
  const path = join(dataDir, SECRET_FILE);
  try {
    const fd = openSync(path, 'wx', 0o600);
    const secret = randomBytes(SECRET_BYTES);
    try {
      writeSync(fd, secret.toString('base64url'));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    return secret;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = Buffer.from(readFileSync(path, 'utf8').trim(), 'base64url');
  if (secret.length < SECRET_BYTES) throw new Error(`${path} does not hold a server secret: delete it to make a new one (every link stops working)`);
  return secret;
}

const sign = (secret: Buffer, payload: string): string => createHmac('sha256', secret).update(payload).digest('base64url');

export function makeToken(secret: Buffer, room: string, role: Role, generation: number): string {
  const payload = `${room}.${role}.${generation}`;
  return `${payload}.${sign(secret, payload)}`;
}

export type TokenCheck = { readonly ok: true; readonly role: Role } | { readonly ok: false; readonly reason: string };

/** Checks a token for `room`, whose current link generation is `generation` (undefined: no such room). */
export function checkToken(secret: Buffer, token: string, room: string, generation: number | undefined): TokenCheck {
  const parts = token.split('.');
  const refused = { ok: false, reason: 'invalid-link: this link is not valid for this room' } as const;
  if (parts.length !== 4) return refused;
  const [tokenRoom, role, tokenGeneration, signature] = parts as [string, string, string, string];
  const expected = Buffer.from(sign(secret, `${tokenRoom}.${role}.${tokenGeneration}`));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return refused;
  if (tokenRoom !== room || (role !== 'edit' && role !== 'view')) return refused;
  if (generation === undefined) return { ok: false, reason: 'no-room: this room does not exist on this server' };
  if (Number(tokenGeneration) !== generation) return { ok: false, reason: 'revoked-link: this link was replaced by a newer one; ask for the new link' };
  return { ok: true, role };
}
