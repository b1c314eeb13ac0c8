import { Transform } from "node:stream";

/**
 * Decodes CSV bytes as UTF-8, or as Windows-1252 when they are not valid UTF-8.
 *
 * The official GIAS download is Windows-1252 while our shared extracts are UTF-8, and a file's first
 * non-ASCII byte can sit megabytes in. Until then both readings agree, so the choice is made at the first
 * byte that is not valid UTF-8 without buffering the file. A file that turns invalid after valid
 * multi-byte UTF-8 is mixed; its bad bytes become U+FFFD rather than failing the import.
 */
export class Utf8OrWindows1252Decoder {
  encoding: "ascii so far" | "utf-8" | "windows-1252" = "ascii so far";
  private utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
  private lenient = new TextDecoder("utf-8", { fatal: false });

  decode(bytes: Uint8Array): string {
    if (this.encoding === "windows-1252") return decodeWindows1252(bytes);
    try {
      const text = this.utf8.decode(bytes, { stream: true });
      if (this.encoding === "ascii so far" && bytes.some((b) => b >= 0x80)) this.encoding = "utf-8";
      return text;
    } catch {
      if (this.encoding === "ascii so far") {
        this.encoding = "windows-1252";
        return decodeWindows1252(bytes);
      }
      return this.lenient.decode(bytes, { stream: true });
    }
  }

  end(): string {
    return this.encoding === "windows-1252" ? "" : this.lenient.decode();
  }
}

export function decodeUtf8OrWindows1252(): Transform & { decoder: Utf8OrWindows1252Decoder } {
  const decoder = new Utf8OrWindows1252Decoder();
  const stream = new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _encoding, done) {
      done(null, decoder.decode(chunk));
    },
    flush(done) {
      const rest = decoder.end();
      done(null, rest === "" ? undefined : rest);
    },
  });
  return Object.assign(stream, { decoder });
}

// Node 20's TextDecoder("windows-1252") is really ISO-8859-1: it turns 0x92 into U+0092, not the
// apostrophe GIAS means. Windows-1252 differs from Latin-1 only in 0x80–0x9F, mapped here (the five
// unassigned bytes keep their Latin-1 code points, as browsers do).
const WINDOWS_1252_80_9F =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function decodeWindows1252(bytes: Uint8Array): string {
  const latin1 = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("latin1");
  return latin1.replace(/[\u0080-\u009F]/g, (c) => WINDOWS_1252_80_9F.charAt(c.charCodeAt(0) - 0x80));
}
