import { db } from "../services.server";
import { notFound } from "../auth/guards.server";
import { redirectWithFlash } from "../components/actions.server";
import { invalidForm, refused } from "../components/intent-forms.server";
import { londonMonth } from "../vocabulary/london-time";
import {
  addJob,
  addQualification,
  addReferee,
  explainGap,
  removeEntry,
  saveAbout,
  saveEquality,
} from "./profile.server";
import {
  aboutSchema,
  equalitySchema,
  fieldErrorsOf,
  gapSchema,
  jobSchema,
  qualificationSchema,
  refereeSchema,
  removeSchema,
  statementSchema,
} from "./schemas";

const messages = {
  about: "Your details are saved.",
  statement: "Your personal statement is saved.",
  "add-qualification": "Qualification added.",
  "add-job": "Job added to your employment history.",
  "add-referee": "Referee added.",
  "explain-gap": "Gap explained.",
  remove: "Removed.",
  equality: "Your equality monitoring answers are saved. Nobody who shortlists sees them.",
} as const;
type Intent = keyof typeof messages;
const isIntent = (v: unknown): v is Intent => typeof v === "string" && Object.hasOwn(messages, v);

/**
 * The profile page's forms, one intent each. Every form checks its own fields and changes nothing when any is
 * wrong; list entries are removed only by their owner.
 */
export async function profileFromForm(request: Request, formData: FormData, userId: string, back: string) {
  const intent = formData.get("intent");
  if (!isIntent(intent)) throw notFound();
  const input = Object.fromEntries(formData);
  const now = new Date();
  const today = londonMonth(now);
  const bad = (error: Parameters<typeof fieldErrorsOf>[0]) => invalidForm(intent, fieldErrorsOf(error), formData);
  switch (intent) {
    case "about": {
      const parsed = aboutSchema.safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await saveAbout(db(), userId, parsed.data);
      break;
    }
    case "statement": {
      const parsed = statementSchema.safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await saveAbout(db(), userId, parsed.data);
      break;
    }
    case "add-qualification": {
      const parsed = qualificationSchema(Number(today.slice(0, 4))).safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await addQualification(db(), userId, parsed.data);
      break;
    }
    case "add-job": {
      const parsed = jobSchema(today).safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await addJob(db(), userId, parsed.data);
      break;
    }
    case "add-referee": {
      const parsed = refereeSchema.safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await addReferee(db(), userId, parsed.data);
      break;
    }
    case "explain-gap": {
      const parsed = gapSchema.safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await explainGap(db(), userId, parsed.data.gapFrom, parsed.data.gapTo, parsed.data.explanation);
      break;
    }
    case "remove": {
      const parsed = removeSchema.safeParse(input);
      if (!parsed.success || !(await removeEntry(db(), userId, parsed.data.kind, parsed.data.entryId)))
        return refused(
          intent,
          { ok: false, status: 404, message: "That entry is not yours or no longer exists" },
          formData,
        );
      break;
    }
    case "equality": {
      const parsed = equalitySchema.safeParse(input);
      if (!parsed.success) return bad(parsed.error);
      await saveEquality(db(), userId, parsed.data);
      break;
    }
  }
  return redirectWithFlash(request, back, { kind: "success", message: messages[intent] });
}
