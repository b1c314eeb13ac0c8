// Control characters (C0 and DEL) never belong in user-typed text: they break logs, CSV cells and layouts.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/g;

/** Removes (or replaces) every control character in `value`. */
export function stripControlCharacters(value: string, replacement = ""): string {
  return value.replace(CONTROL_CHARACTERS, replacement);
}
