import { describe, expect, it } from "vitest";
import { readEvent } from "../../app/deliverability/resend-webhook.server";

const bounced = (bounce: Record<string, unknown>, to: unknown = ["Ada@Example.com"]) => ({
  type: "email.bounced",
  data: { email_id: "e1", to, bounce: { message: "550 no such user ada@example.com", ...bounce } },
});

describe("Resend delivery events", () => {
  it("a permanent (or unclassified) bounce makes its recipients undeliverable, keeping no message text", () => {
    expect(readEvent(bounced({ type: "Permanent", subType: "General" }))).toEqual({
      kind: "undeliverable",
      reason: "bounced",
      addresses: ["ada@example.com"],
      detail: "Permanent / General",
      providerEmailId: "e1",
    });
    expect(readEvent(bounced({}))).toMatchObject({ kind: "undeliverable", detail: null });
  });

  it("a complaint does too; a transient bounce and other events do not", () => {
    expect(readEvent({ type: "email.complained", data: { to: ["b@example.com"] } })).toMatchObject({
      kind: "undeliverable",
      reason: "complained",
      addresses: ["b@example.com"],
    });
    expect(readEvent(bounced({ type: "Transient", subType: "MailboxFull" }))).toEqual({
      kind: "ignored",
      type: "email.bounced",
    });
    expect(readEvent({ type: "email.delivered", data: { to: ["c@example.com"] } })).toEqual({
      kind: "ignored",
      type: "email.delivered",
    });
  });

  it("anything malformed is no event at all", () => {
    for (const junk of [null, "x", 42, {}, { type: 1 }, bounced({ type: "Permanent" }, []), bounced({}, [7, ""])])
      expect(readEvent(junk)).toBeNull();
    expect(readEvent(bounced({}, "single@example.com"))).toMatchObject({ addresses: ["single@example.com"] });
  });
});
