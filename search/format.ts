/**
 * Which reading of the synonym list and of documents an index was built with. Documents carry their concepts
 * as tokens (search/tags.ts), so a change to the list, the stop words or the way documents are indexed needs a
 * reindex; the start-up check compares this with the format the last reindex recorded (ADR 0021).
 */
import { conceptDefinitions, ONE_WAY, QUALIFIERS } from "./synonyms";
import { STOP_WORDS } from "./text";

/** Bump when search/tags.ts or search/text.ts changes what documents are indexed as. */
const DOCUMENT_FORMAT = 2;

/** A short, stable fingerprint (FNV-1a, 32-bit, hex) of everything an index depends on. */
export function searchFormat(): string {
  const text = JSON.stringify([DOCUMENT_FORMAT, conceptDefinitions(), ONE_WAY, QUALIFIERS, STOP_WORDS]);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return `${DOCUMENT_FORMAT}-${hash.toString(16).padStart(8, "0")}`;
}
