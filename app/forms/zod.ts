/**
 * zod, with messages written for people wherever a schema gives none of its own. Import `z` from here, not from
 * "zod", in anything that checks what people typed: zod's defaults ("Invalid input: expected string, received
 * undefined") are for developers, and conform sends an empty field as undefined, so they reach the page.
 */
import { z } from "zod";

type Issue = {
  code?: string;
  input?: unknown;
  origin?: string;
  minimum?: unknown;
  maximum?: unknown;
  format?: string;
};

const empty = (v: unknown) => v === undefined || v === null || v === "";

/** The human default for an issue; undefined leaves zod's own wording (only for codes people never cause). */
function humanMessage(issue: Issue): string | undefined {
  switch (issue.code) {
    case "invalid_type":
      return empty(issue.input) ? "Enter or choose an answer" : "Check this answer: it is not in the expected form";
    case "too_small":
      if (issue.origin === "string")
        return Number(issue.minimum) <= 1 ? "Enter an answer" : `Enter at least ${String(issue.minimum)} characters`;
      if (issue.origin === "array" || issue.origin === "set")
        return Number(issue.minimum) <= 1 ? "Choose at least one" : `Choose at least ${String(issue.minimum)}`;
      return `Enter ${String(issue.minimum)} or more`;
    case "too_big":
      if (issue.origin === "string") return `Use ${String(issue.maximum)} characters or fewer`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${String(issue.maximum)}`;
      return `Enter ${String(issue.maximum)} or less`;
    case "invalid_value":
    case "invalid_union":
      return "Choose one of the options";
    case "invalid_format":
      if (issue.format === "email") return "Enter an e-mail address like name@example.com";
      if (issue.format === "url") return "Enter a web address starting with https://";
      return "Check the format of this answer";
    case "not_multiple_of":
      return "Enter a whole number";
    case "unrecognized_keys":
      return undefined;
    default:
      return "Check this answer";
  }
}

z.config({ customError: (issue) => humanMessage(issue) });

export { z };
