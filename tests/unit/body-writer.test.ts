import { describe, expect, it } from "vitest";
import { writeBody, type BodyTarget } from "../../app/security/body-writer.server";

/** A response that records what was done to it, in order. */
function recorder() {
  const events: string[] = [];
  const target: BodyTarget = {
    cork: () => void events.push("cork"),
    uncork: () => void events.push("uncork"),
    flush: () => void events.push("flush"),
    write: (chunk: unknown) => {
      events.push(`write ${new TextDecoder().decode(chunk as Uint8Array)}`);
      return true;
    },
    end: () => {
      events.push("end");
      return target as never;
    },
    destroy: (error?: Error) => {
      events.push(`destroy ${error?.message}`);
      return target as never;
    },
  };
  return { events, target };
}

const bytes = (text: string) => new TextEncoder().encode(text);

describe("writing a page's body", () => {
  it("sends the pieces ready at once together: one hold, one flush", async () => {
    const { events, target } = recorder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const piece of ["<html>", "<body>", "</body>", "</html>"]) controller.enqueue(bytes(piece));
        controller.close();
      },
    });
    await writeBody(body, target);
    expect(events).toEqual([
      "cork",
      "write <html>",
      "write <body>",
      "write </body>",
      "write </html>",
      "uncork",
      "flush",
      "end",
    ]);
  });

  it("does not hold what is ready while a later piece is awaited (a deferred answer)", async () => {
    const { events, target } = recorder();
    let later: (() => void) | undefined;
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes("shell"));
        later = () => {
          controller.enqueue(bytes("deferred"));
          controller.close();
        };
      },
    });
    const writing = writeBody(body, target);
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The shell is out before the deferred piece exists.
    expect(events).toEqual(["cork", "write shell", "uncork", "flush"]);
    later!();
    await writing;
    expect(events.slice(4)).toEqual(["cork", "write deferred", "uncork", "flush", "end"]);
  });

  it("sends what it holds and ends the response with the error when the body fails", async () => {
    const { events, target } = recorder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes("part"));
        queueMicrotask(() => controller.error(new Error("render failed")));
      },
    });
    await expect(writeBody(body, target)).rejects.toThrow("render failed");
    expect(events).toEqual(["cork", "write part", "uncork", "flush", "destroy render failed"]);
  });
});
