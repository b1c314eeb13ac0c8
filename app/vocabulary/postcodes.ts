/**
 * UK postcode parsing, with no database or framework imports so the browser and tests can use it.
 *
 * A postcode is an outward code (the district, "M33") and an inward code ("6AA"). The sector is the
 * outward code plus the inward digit ("M33 6"). Canonical keys are upper case with one space, which is
 * how the `places` table stores them.
 */

export type PostcodeKind = "postcode" | "sector" | "outcode";
export type ParsedPostcode = { kind: PostcodeKind; key: string };

// Outward formats A9, A99, AA9, AA99, A9A, AA9A. The letters are not narrowed to the Royal Mail's
// allowed sets on purpose: the places table is the authority on what exists, this only finds the shape.
const OUTWARD = "[A-Z]{1,2}[0-9][A-Z0-9]?";
const FULL = new RegExp(`^(${OUTWARD})([0-9][A-Z]{2})$`);
const OUTCODE = new RegExp(`^${OUTWARD}$`);
const SECTOR_COMPACT = new RegExp(`^(${OUTWARD})([0-9])$`);
// Girobank's historic non-geographic postcode is the one exception to the pattern.
const GIRO = "GIR0AA";

/** Upper case, no spaces at all: the form in which the shapes are tested. */
function compact(input: string): string {
  return input.toUpperCase().replace(/\s+/g, "");
}

/** "m336aa", " M33  6AA " and Code-Point's padded "M1  1AA" all become "M33 6AA" / "M1 1AA"; anything else null. */
export function normalisePostcode(input: string): string | null {
  const c = compact(input);
  if (c === GIRO) return "GIR 0AA";
  const match = FULL.exec(c);
  return match ? `${match[1]} ${match[2]}` : null;
}

/**
 * What a user typed, read as a full postcode, a sector or an outcode. Without a space "M16" is read as
 * the outcode M16 rather than the sector "M1 6", because a valid outcode is the likelier intent.
 */
export function parsePostcodeQuery(input: string): ParsedPostcode | null {
  const full = normalisePostcode(input);
  if (full) return { kind: "postcode", key: full };

  const words = input.toUpperCase().trim().split(/\s+/).filter(Boolean);
  const [word, second] = words;
  if (word === undefined) return null;
  if (words.length === 2 && second !== undefined && OUTCODE.test(word) && /^[0-9]$/.test(second)) {
    return { kind: "sector", key: `${word} ${second}` };
  }
  if (words.length !== 1) return null;
  if (OUTCODE.test(word)) return { kind: "outcode", key: word };
  const sector = SECTOR_COMPACT.exec(word);
  return sector ? { kind: "sector", key: `${sector[1]} ${sector[2]}` } : null;
}

/** "M33 6AA" → "M33". Expects a canonical postcode. */
export function outcodeOf(postcode: string): string {
  return postcode.replace(/ .*$/, "");
}

/** "M33 6AA" → "M33 6". Expects a canonical postcode. */
export function sectorOf(postcode: string): string {
  return postcode.replace(/^(\S+) (\S).*$/, "$1 $2");
}
