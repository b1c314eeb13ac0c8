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
  private windows1252 = new TextDecoder("windows-1252");

  decode(bytes: Uint8Array): string {
    if (this.encoding === "windows-1252") return this.windows1252.decode(bytes);
    try {
      const text = this.utf8.decode(bytes, { stream: true });
      if (this.encoding === "ascii so far" && bytes.some((b) => b >= 0x80)) this.encoding = "utf-8";
      return text;
    } catch {
      if (this.encoding === "ascii so far") {
        this.encoding = "windows-1252";
        return this.windows1252.decode(bytes);
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
