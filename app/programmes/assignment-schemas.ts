import { dayField, idField, typable, UNTYPABLE_MESSAGE } from "../forms/fields";
import { z } from "../forms/zod";
import type { AssignmentStatus } from "../vocabulary/programmes";

export { fieldErrorsOf } from "../placements/schemas";

/** Form schemas of early-career assignments (issue 16, point 8): shared by the pages and their actions. */

const day = (label: string) => dayField(label, "2027-01-04");

const id = idField;

const reason = (what: string) =>
  z
    .string({ error: `Give a reason for ${what}` })
    .trim()
    .min(5, { error: `Give a reason for ${what} of at least 5 characters` })
    .max(1000, { error: "Keep the reason to 1,000 characters" })
    .refine(typable, { error: UNTYPABLE_MESSAGE });

/** Inclusive dates: a one-day visit starts and ends on the same day. */
export const proposeAssignmentSchema = z
  .object({
    ectId: id("Choose the ECT"),
    hostSchoolId: id("Choose the host school"),
    startsOn: day("first day"),
    endsOn: day("last day"),
    purpose: z
      .string({ error: "Say what the time at the host school is for" })
      .trim()
      .min(10, { error: "Say what the time at the host school is for, in at least 10 characters" })
      .max(1000, { error: "Keep the purpose to 1,000 characters" })
      .refine(typable, { error: UNTYPABLE_MESSAGE }),
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "The last day must be on or after the first day" });
  });
export type ProposeAssignmentInput = z.infer<typeof proposeAssignmentSchema>;

/** A party's answer: accept, or decline with a reason. */
export const decideAssignmentSchema = z.discriminatedUnion("action", [
  z.object({ assignmentId: id("Choose an assignment"), action: z.literal("accept") }),
  z.object({ assignmentId: id("Choose an assignment"), action: z.literal("decline"), reason: reason("declining") }),
]);

export const withdrawAssignmentSchema = z.object({
  assignmentId: id("Choose an assignment"),
  reason: reason("withdrawing"),
});

/** An assignment as every page and mail sees it. */
export type AssignmentBase = {
  id: string;
  ectName: string;
  employingSchoolId: string;
  employingSchoolName: string;
  hostSchoolId: string;
  hostSchoolName: string;
  purpose: string;
  startsOn: string;
  endsOn: string;
  status: AssignmentStatus;
};

/** An assignment in a list, with who has answered and what the reader may do now. */
export type AssignmentRow = AssignmentBase & {
  ectId: string;
  reason: string | null;
  proposedByName: string | null;
  employerAcceptedByName: string | null;
  hostAcceptedByName: string | null;
  canAcceptAsEmployer: boolean;
  canAcceptAsHost: boolean;
  canWithdraw: boolean;
};
