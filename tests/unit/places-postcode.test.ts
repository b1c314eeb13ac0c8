import { describe, expect, it } from "vitest";
import { normalisePostcode, outcodeOf, parsePostcodeQuery, sectorOf } from "../../app/vocabulary/postcodes";

describe("normalisePostcode", () => {
  it.each([
    ["M1 1AE", "M1 1AE"], // A9 9AA
    ["M33 6AA", "M33 6AA"], // A99 9AA
    ["CR2 6XH", "CR2 6XH"], // AA9 9AA
    ["DN55 1PT", "DN55 1PT"], // AA99 9AA
    ["W1A 0AX", "W1A 0AX"], // A9A 9AA
    ["EC1A 1BB", "EC1A 1BB"], // AA9A 9AA
  ])("accepts the UK format of %s", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    ["m336aa", "M33 6AA"],
    ["  m33   6aa  ", "M33 6AA"],
    ["ec1a1bb", "EC1A 1BB"],
    ["M1  1AE", "M1 1AE"], // Code-Point Open's 7-character padding
    ["AB101AA", "AB10 1AA"],
    ["M33\t6AA", "M33 6AA"],
    ["gir 0aa", "GIR 0AA"],
  ])("normalises %j to %s", (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    "",
    "   ",
    "M33",
    "M33 6",
    "M33 6A",
    "M33 6AAA",
    "3M3 6AA",
    "MMM3 6AA",
    "M33 AAA",
    "M33 66A",
    "hello",
    "M33-6AA",
    "'; DROP TABLE places; --",
  ])("rejects %j", (input) => {
    expect(normalisePostcode(input)).toBeNull();
  });
});

describe("parsePostcodeQuery", () => {
  it.each([
    ["M33 6AA", { kind: "postcode", key: "M33 6AA" }],
    ["m336aa", { kind: "postcode", key: "M33 6AA" }],
    ["M33 6", { kind: "sector", key: "M33 6" }],
    ["m33  6", { kind: "sector", key: "M33 6" }],
    ["SW1A 1", { kind: "sector", key: "SW1A 1" }],
    ["M336", { kind: "sector", key: "M33 6" }], // A999 is no outcode, so it must be outcode + sector digit
    ["SW1A1", { kind: "sector", key: "SW1A 1" }],
    ["M33", { kind: "outcode", key: "M33" }],
    ["m1", { kind: "outcode", key: "M1" }],
    [" ec1a ", { kind: "outcode", key: "EC1A" }],
    ["M16", { kind: "outcode", key: "M16" }], // a valid outcode wins over the sector "M1 6"
  ])("reads %j as %o", (input, expected) => {
    expect(parsePostcodeQuery(input)).toEqual(expected);
  });

  it.each(["", "Trafford", "Sale Moor", "M33 6A", "M33 66", "M 33", "123", "M33 6 A", "ÄB1 2CD"])(
    "is null for %j",
    (input) => {
      expect(parsePostcodeQuery(input)).toBeNull();
    },
  );
});

describe("outcodeOf and sectorOf", () => {
  it("split a canonical postcode", () => {
    expect(outcodeOf("EC1A 1BB")).toBe("EC1A");
    expect(sectorOf("EC1A 1BB")).toBe("EC1A 1");
    expect(sectorOf("M1 1AE")).toBe("M1 1");
  });
});
