import type { z } from "../forms/zod";
import { formatFte } from "./fte";
import { fromLondonLocal, toLondonLocal } from "../vocabulary/london-time";
import { advertStep, applyStep, payStep, roleStep, whereStep } from "./schemas";
import type { VacancyWithSchools } from "./records.server";

/** The create/edit flow, in order. Each step saves the draft. */
export const STEPS = [
  { key: "role", title: "The role" },
  { key: "where", title: "Schools and hours" },
  { key: "pay", title: "Contract and pay" },
  { key: "advert", title: "The advert" },
  { key: "apply", title: "Applying and dates" },
] as const;
export type StepKey = (typeof STEPS)[number]["key"];

export function nextStep(key: StepKey): StepKey | null {
  const i = STEPS.findIndex((s) => s.key === key);
  return STEPS[i + 1]?.key ?? null;
}

export const stepSchemas = {
  role: roleStep,
  where: whereStep,
  pay: payStep,
  advert: advertStep,
  apply: applyStep,
} as const;

/**
 * Every field of the step forms, as the browser sends them. The edit page's one form shows whichever step it is on,
 * so its fields are all of these; each step's component reads the ones it owns.
 */
export type StepFormInput = Partial<
  z.input<typeof roleStep> &
    z.input<typeof whereStep> &
    z.input<typeof payStep> &
    z.input<typeof advertStep> &
    z.input<typeof applyStep>
>;

/** The form's starting values for a step, from the stored vacancy. */
export function stepDefaults(step: StepKey, v: VacancyWithSchools): Record<string, unknown> {
  switch (step) {
    case "role":
      return {
        title: v.title,
        role: v.role,
        phases: v.phases,
        keyStages: v.keyStages,
        subjects: v.subjects,
        sendSpecialism: v.sendSpecialism ? "on" : undefined,
        ectSuitable: v.ectSuitable ? "on" : undefined,
      };
    case "where":
      return {
        locationKind: v.schools.length > 1 ? (v.schools.some((s) => s.fteShare !== null) ? "split" : "central") : "one",
        schools: v.schools.map((s) => ({
          schoolId: s.schoolId,
          share: s.fteShare === null ? "" : formatFte(s.fteShare),
        })),
        workingPattern: v.workingPattern,
        fte: formatFte(v.fteThousandths),
        hoursPerWeek: v.hoursPerWeek ?? "",
      };
    case "pay":
      return {
        contractType: v.contractType,
        fixedTermMonths: v.fixedTermMonths ?? "",
        startKind: v.startKind,
        startDate: v.startDate ?? "",
        startDateTo: v.startDateTo ?? "",
        payRange: v.payRange,
        payPointFrom: v.payPointFrom ?? "",
        payPointTo: v.payPointTo ?? "",
        supportGrade: v.supportGrade ?? "",
        salaryMinFte: v.salaryMinFte ?? "",
        salaryMaxFte: v.salaryMaxFte ?? "",
        hourlyRatePounds: v.hourlyRatePence === null ? "" : (v.hourlyRatePence / 100).toFixed(2),
        allowances: v.allowances.map((a) => ({ kind: a.kind, amount: String(a.amount) })),
        visaSponsorship: v.visaSponsorship ? "on" : undefined,
      };
    case "advert":
      return {
        aboutRole: v.aboutRole,
        aboutSchool: v.aboutSchool,
        skillsExperience: v.skillsExperience,
        whatWeOffer: v.whatWeOffer,
        visitsWelcome: v.visitsWelcome ? "on" : undefined,
      };
    case "apply":
      return {
        applyMethod: v.applyMethod,
        anonymiseUntilShortlisted: v.anonymiseUntilShortlisted ? "on" : undefined,
        applyUrl: v.applyUrl ?? "",
        applyEmail: v.applyEmail ?? "",
        contactName: v.contactName ?? "",
        contactEmail: v.contactEmail ?? "",
        contactPhone: v.contactPhone ?? "",
        publishOn: v.publishAt ? "later" : "now",
        publishAt: toLondonLocal(v.publishAt),
        closesAt: toLondonLocal(v.closesAt),
      };
  }
}

type Fields = Record<string, unknown>;

/** The columns a validated step writes (the "where" step goes through setLocation instead). */
export function stepFields(
  step: Exclude<StepKey, "where">,
  value: unknown,
): { ok: true; fields: Fields } | { ok: false; fieldErrors: Record<string, string[]> } {
  switch (step) {
    case "role":
      return { ok: true, fields: value as z.infer<typeof roleStep> };
    case "advert":
      return { ok: true, fields: value as z.infer<typeof advertStep> };
    case "pay": {
      const { hourlyRatePounds, ...rest } = value as z.infer<typeof payStep>;
      const hourly = rest.payRange === "hourly";
      return {
        ok: true,
        fields: {
          ...rest,
          fixedTermMonths: rest.contractType === "fixed_term" ? (rest.fixedTermMonths ?? null) : null,
          startDate: rest.startKind === "date" || rest.startKind === "range" ? (rest.startDate ?? null) : null,
          startDateTo: rest.startKind === "range" ? (rest.startDateTo ?? null) : null,
          payPointFrom: rest.payPointFrom ?? null,
          payPointTo: rest.payPointTo ?? null,
          supportGrade: rest.supportGrade ?? null,
          salaryMinFte: hourly ? null : (rest.salaryMinFte ?? null),
          salaryMaxFte: hourly ? null : (rest.salaryMaxFte ?? null),
          hourlyRatePence: hourly && hourlyRatePounds !== undefined ? Math.round(hourlyRatePounds * 100) : null,
        },
      };
    }
    case "apply": {
      const v = value as z.infer<typeof applyStep>;
      const closesAt = fromLondonLocal(v.closesAt);
      const publishAt = v.publishOn === "later" && v.publishAt ? fromLondonLocal(v.publishAt) : null;
      const fieldErrors: Record<string, string[]> = {};
      if (!closesAt) fieldErrors.closesAt = ["Enter a real date and time"];
      else if (closesAt.getTime() <= Date.now()) fieldErrors.closesAt = ["The closing date must be in the future"];
      if (v.publishOn === "later" && !publishAt) fieldErrors.publishAt = ["Enter a real date and time"];
      if (publishAt && closesAt && publishAt >= closesAt) fieldErrors.publishAt = ["Publish before the closing date"];
      if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
      return {
        ok: true,
        fields: {
          applyMethod: v.applyMethod,
          anonymiseUntilShortlisted: v.applyMethod === "staffroom" && v.anonymiseUntilShortlisted,
          applyUrl: v.applyMethod === "external_link" ? (v.applyUrl ?? null) : null,
          applyEmail: v.applyMethod === "email" ? (v.applyEmail ?? null) : null,
          contactName: v.contactName ?? null,
          contactEmail: v.contactEmail ?? null,
          contactPhone: v.contactPhone ?? null,
          publishAt,
          closesAt,
        },
      };
    }
  }
}
