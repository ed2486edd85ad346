import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { checkPasswordPolicy, generatePassword } from '@qingshan/core';
import { AppError } from '../../errors.ts';

// argon2id (the library's default algorithm, 2 = Argon2id) with OWASP's baseline cost.
const OPTIONS = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS as never);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// Verifying against a real hash when the user does not exist keeps the timing the same, so the
// response time does not reveal which usernames exist.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('dummy-Password-1');
  return dummy;
}

export function assertPasswordPolicy(password: string, path = 'password', context: { username?: string } = {}): void {
  const r = checkPasswordPolicy(password, context);
  if (!r.ok) {
    throw new AppError('PASSWORD_POLICY', { errors: [{ path, message: { zh: r.message, en: r.messageEn } }] });
  }
}

export function randomPassword(): string {
  return generatePassword((n) => new Uint8Array(randomBytes(n)));
}
