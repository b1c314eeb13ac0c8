type Tuple<T, N extends number, R extends T[] = []> = R["length"] extends N ? R : Tuple<T, N, [...R, T]>;

/**
 * The array as a tuple of exactly `n` items, for destructuring what a test knows the length of. A different length
 * fails the test here, naming both lengths, instead of as "cannot read properties of undefined" further on.
 */
export function exactly<T, N extends number>(n: N, items: readonly T[]): Tuple<T, N> {
  if (items.length !== n) throw new Error(`Expected exactly ${n} items, found ${items.length}`);
  // The length was checked on the line above; TypeScript cannot carry that to the tuple type.
  return items as unknown as Tuple<T, N>;
}

/** The first capture group of `pattern` in `text`, failing the test with `what` was looked for when it is absent. */
export function captured(text: string, pattern: RegExp, what: string): string {
  const value = pattern.exec(text)?.[1];
  if (value === undefined) throw new Error(`Expected ${what} in: ${text}`);
  return value;
}

/** The item at `i`, wrapping round, for spreading benchmark iterations over a fixture; the list must not be empty. */
export function cycle<T>(items: readonly T[], i: number): T {
  const item = items[i % items.length];
  if (item === undefined) throw new Error("Cannot cycle through an empty list");
  return item;
}
