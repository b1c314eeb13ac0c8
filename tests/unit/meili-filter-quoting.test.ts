import { describe, expect, it } from "vitest";
import { quoted } from "../../search/meilisearch/mapping";

/**
 * Meilisearch's filter parser reading a double-quoted value, as its source does (filter-parser, `quoted_by` and
 * `unescape`): a backslash hides the next character from the scan, the first unhidden quote ends the value, and only
 * `\"` is unescaped, and only when one was seen.
 */
function meiliReads(expression: string): string {
  if (!expression.startsWith('"')) throw new Error("not quoted");
  const input = expression.slice(1);
  let escaped = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === '"') {
      if (i !== input.length - 1) throw new Error(`the value ends early, at ${i}`);
      const raw = input.slice(0, i);
      return escaped ? raw.replaceAll('\\"', '"') : raw;
    }
    if (c === "\\") {
      i++;
      if (i >= input.length) throw new Error("unterminated");
      escaped ||= input[i] === '"';
    }
  }
  throw new Error("unterminated");
}

describe("quoting a filter value for Meilisearch", () => {
  it.each([
    ["a plain id", "6f1c0d1e-8f55-4e53-9d0f-2b0c4a3c9a10"],
    ["a quote", 'St "Mary\'s" School'],
    ["a backslash", "C:\\schools"],
    ["a backslash before another letter and a quote", 'a\\b"c'],
    ["unicode", "Ysgol Gymraeg Caerdydd – Ôl"],
  ])("reaches the index unchanged: %s", (_what, value) => {
    expect(meiliReads(quoted(value))).toBe(value);
  });

  it("drops only the backslashes the filter syntax cannot carry (before a quote, at the end), never breaking the filter", () => {
    expect(meiliReads(quoted("trailing\\"))).toBe("trailing");
    expect(meiliReads(quoted('a\\"b'))).toBe('a"b');
  });
});
