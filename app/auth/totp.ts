import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";

/**
 * TOTP as every authenticator app does it (RFC 6238 defaults: HMAC-SHA-1, 6 digits, 30-second steps), with the
 * one step either side that clocks drifting apart need. Pure: no database, no clock of its own.
 */
const TOTP_PERIOD_SECONDS = 30;
const TOTP_DIGITS = 6;
/** Steps accepted either side of the current one. */
const TOTP_WINDOW = 1;
/** 160 bits, the key length RFC 4226 recommends. */
const SECRET_BYTES = 20;

const RECOVERY_CODE_COUNT = 10;
/** Lower case without look-alikes (no 0/o, 1/l/i): about 49 bits for ten characters. */
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_CODE_LENGTH = 10;

export function timeStep(nowMs: number): number {
  return Math.floor(nowMs / (TOTP_PERIOD_SECONDS * 1000));
}

export function generateSecret(): string {
  return encodeBase32UpperCaseNoPadding(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
}

export function secretKey(base32: string): Uint8Array {
  return decodeBase32IgnorePadding(base32.replace(/\s+/g, "").toUpperCase());
}

/** The secret in groups of four, as people type it into an app by hand. */
export function groupedSecret(base32: string): string {
  return base32.match(/.{1,4}/g)?.join(" ") ?? "";
}

/** The otpauth:// address the QR code carries: the app names the entry "Staffroom (address)". */
export function keyUri(accountName: string, base32: string): string {
  return createTOTPKeyURI("Staffroom", accountName, secretKey(base32), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** What a person typed, without the spaces and hyphens apps and people put in codes. */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]+/g, "").toLowerCase();
}

export function looksLikeTotpCode(input: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(normaliseCode(input));
}

export type StepMatch = { step: number } | { reused: true } | null;

/**
 * The time step a code belongs to, among the steps around `nowMs`, if it is later than `lastUsedStep`: the first
 * such step, so a code that is valid for several never moves the counter further than needed. A code that matches
 * only steps already used is `reused` (refused: it may have been seen over someone's shoulder); anything else null.
 */
export function matchStep(base32: string, code: string, nowMs: number, lastUsedStep: number | null): StepMatch {
  const digits = normaliseCode(code);
  if (!looksLikeTotpCode(digits)) return null;
  const key = secretKey(base32);
  const current = timeStep(nowMs);
  let reused = false;
  for (let step = current - TOTP_WINDOW; step <= current + TOTP_WINDOW; step++) {
    if (!verifyHOTP(key, BigInt(step), TOTP_DIGITS, digits)) continue;
    if (lastUsedStep !== null && step <= lastUsedStep) {
      reused = true;
      continue;
    }
    return { step };
  }
  return reused ? { reused: true } : null;
}

/** Ten single-use codes such as "k7mqp-2xwhd", from a cryptographic source. */
export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () => {
    const bytes = crypto.getRandomValues(new Uint8Array(RECOVERY_CODE_LENGTH * 2));
    let code = "";
    // Rejection sampling keeps every character equally likely (256 is not a multiple of the alphabet's size).
    const limit = 256 - (256 % RECOVERY_ALPHABET.length);
    for (const byte of bytes) {
      if (code.length === RECOVERY_CODE_LENGTH) break;
      if (byte < limit) code += RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length];
    }
    // Twenty random bytes almost always give ten characters; on the rare shortfall, draw again.
    return code.length === RECOVERY_CODE_LENGTH ? `${code.slice(0, 5)}-${code.slice(5)}` : null;
  }).map((code) => code ?? oneRecoveryCode());
}

function oneRecoveryCode(): string {
  const [code] = generateRecoveryCodes(1);
  if (code === undefined) throw new Error("generateRecoveryCodes(1) returned no code");
  return code;
}
