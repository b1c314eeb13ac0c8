import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { describe, expect, it } from "vitest";
import {
  generateRecoveryCodes,
  generateSecret,
  groupedSecret,
  keyUri,
  looksLikeTotpCode,
  matchStep,
  normaliseCode,
  timeStep,
} from "../../app/auth/totp";

// RFC 6238's SHA-1 key, "12345678901234567890", in base32; its test vectors give 8 digits, of which apps show the
// last 6.
const RFC_KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

describe("TOTP codes", () => {
  it("match RFC 6238's test vectors", () => {
    expect(matchStep(RFC_KEY, "287082", 59_000, null)).toEqual({ step: 1 });
    expect(matchStep(RFC_KEY, "081804", 1_111_111_109_000, null)).toEqual({ step: 37_037_036 });
    expect(matchStep(RFC_KEY, "050471", 1_111_111_111_000, null)).toEqual({ step: 37_037_037 });
    expect(matchStep(RFC_KEY, "005924", 1_234_567_890_000, null)).toEqual({ step: 41_152_263 });
  });

  it("accept one step either side of now and no further", () => {
    const at = 1_111_111_109_000; // step 37037036, whose code is 081804
    expect(matchStep(RFC_KEY, "081804", at + 30_000, null)).toEqual({ step: 37_037_036 });
    expect(matchStep(RFC_KEY, "081804", at - 30_000, null)).toEqual({ step: 37_037_036 });
    expect(matchStep(RFC_KEY, "081804", at + 60_000, null)).toBeNull();
    expect(matchStep(RFC_KEY, "081804", at - 60_000, null)).toBeNull();
  });

  it("refuse a code for a step already used, or earlier, and say it was used", () => {
    const at = 1_111_111_109_000;
    expect(matchStep(RFC_KEY, "081804", at, 37_037_035)).toEqual({ step: 37_037_036 });
    expect(matchStep(RFC_KEY, "081804", at, 37_037_036)).toEqual({ reused: true });
    expect(matchStep(RFC_KEY, "081804", at, 37_037_037)).toEqual({ reused: true });
    expect(matchStep(RFC_KEY, "000000", at, 37_037_037)).toBeNull();
  });

  it("take codes as people type them, and nothing else as a code", () => {
    expect(matchStep(RFC_KEY, " 081 804 ", 1_111_111_109_000, null)).toEqual({ step: 37_037_036 });
    expect(matchStep(RFC_KEY, "081-804", 1_111_111_109_000, null)).toEqual({ step: 37_037_036 });
    for (const input of ["", "08180", "0818044", "abcdef", "081804\u0000", "٠٨١٨٠٤"]) {
      expect(looksLikeTotpCode(input), input).toBe(false);
      expect(matchStep(RFC_KEY, input, 1_111_111_109_000, null)).toBeNull();
    }
  });

  it("count 30-second steps from the epoch", () => {
    expect(timeStep(0)).toBe(0);
    expect(timeStep(29_999)).toBe(0);
    expect(timeStep(30_000)).toBe(1);
  });
});

describe("keys", () => {
  it("are 160 random bits in base32, different every time", () => {
    const a = generateSecret();
    expect(a).toMatch(/^[A-Z2-7]{32}$/);
    expect(decodeBase32IgnorePadding(a)).toHaveLength(20);
    expect(new Set(Array.from({ length: 50 }, generateSecret)).size).toBe(50);
  });

  it("are shown in groups of four for typing, and carried by an otpauth address for the QR code", () => {
    expect(groupedSecret(RFC_KEY)).toBe("GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ");
    const uri = new URL(keyUri("ada@example.com", RFC_KEY));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.host).toBe("totp");
    expect(decodeURIComponent(uri.pathname)).toBe("/Staffroom:ada@example.com");
    expect(Object.fromEntries(uri.searchParams)).toEqual({
      issuer: "Staffroom",
      algorithm: "SHA1",
      secret: RFC_KEY,
      period: "30",
      digits: "6",
    });
  });
});

describe("recovery codes", () => {
  it("are ten, distinct, in two groups of five unambiguous characters", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-hjkmnp-z2-9]{5}-[a-hjkmnp-z2-9]{5}$/);
  });

  it("are compared without case, spaces or hyphens", () => {
    expect(normaliseCode(" K7MQP-2XWHD ")).toBe("k7mqp2xwhd");
    expect(normaliseCode("k7mqp 2xwhd")).toBe("k7mqp2xwhd");
  });

  it("use every character about equally often", () => {
    const counts = new Map<string, number>();
    for (const code of generateRecoveryCodes(2000))
      for (const c of code.replace("-", "")) counts.set(c, (counts.get(c) ?? 0) + 1);
    expect(counts.size).toBe(31);
    const expected = 20_000 / 31;
    for (const [c, n] of counts) expect(Math.abs(n - expected) / expected, c).toBeLessThan(0.2);
  });
});
