import { employedByText } from "./shares";
import type { AdvertSource } from "./view";

type JobPostingInput = Omit<AdvertSource, "schools"> & {
  publishedAt: string | Date | null;
  ownerName: string;
  /** The employer of record and the other employers sharing the role (docs/decisions/0022). */
  employer?: { name: string; sharedWith: string[] };
  schools: (AdvertSource["schools"][number] & { lat: number | null; lng: number | null })[];
};

const EMPLOYMENT_TYPE: Record<string, string> = {
  permanent: "FULL_TIME",
  fixed_term: "TEMPORARY",
  maternity_cover: "TEMPORARY",
  casual: "PER_DIEM",
};

/** schema.org JobPosting with numeric pay, so job boards and search engines can compare offers. */
export function jobPosting(v: JobPostingInput, appUrl: string) {
  const employmentType = [EMPLOYMENT_TYPE[v.contractType] ?? "OTHER"];
  if (v.workingPattern !== "full_time" || v.fteThousandths < 1000) employmentType.push("PART_TIME");
  else if (v.contractType === "permanent") employmentType.splice(0, 1, "FULL_TIME");
  const hourly = v.payRange === "hourly";
  const baseSalary =
    hourly && v.hourlyRatePence !== null
      ? {
          "@type": "MonetaryAmount",
          currency: "GBP",
          value: {
            "@type": "QuantitativeValue",
            minValue: v.hourlyRatePence / 100,
            maxValue: v.hourlyRatePence / 100,
            unitText: "HOUR",
          },
        }
      : v.salaryMinFte !== null && v.salaryMaxFte !== null
        ? {
            "@type": "MonetaryAmount",
            currency: "GBP",
            value: {
              "@type": "QuantitativeValue",
              minValue: v.salaryMinFte,
              maxValue: v.salaryMaxFte,
              unitText: "YEAR",
            },
          }
        : undefined;
  const description = [v.aboutRole, v.aboutSchool, v.skillsExperience, v.whatWeOffer]
    .filter((s) => s.trim())
    .join("\n\n");
  return {
    "@context": "https://schema.org",
    "@type": "JobPosting",
    title: v.title,
    description,
    identifier: { "@type": "PropertyValue", name: "Staffroom", value: v.id },
    url: `${appUrl}/vacancies/${v.id}`,
    datePosted: v.publishedAt ? new Date(v.publishedAt).toISOString() : undefined,
    validThrough: v.closesAt ? new Date(v.closesAt).toISOString() : undefined,
    employmentType: [...new Set(employmentType)],
    // schema.org has one hiring organisation: the employer of record. Other employers sharing the role are named in
    // words, and their schools are among the job's locations.
    hiringOrganization: { "@type": "Organization", name: v.employer?.name || v.ownerName },
    employerOverview:
      v.employer && v.employer.sharedWith.length > 0
        ? `${employedByText(v.employer.name, v.employer.sharedWith)}.`
        : undefined,
    jobLocation: v.schools.map((s) => ({
      "@type": "Place",
      name: s.name,
      address: {
        "@type": "PostalAddress",
        addressLocality: s.town ?? undefined,
        postalCode: s.postcode ?? undefined,
        addressCountry: "GB",
      },
      geo:
        s.lat !== null && s.lng !== null ? { "@type": "GeoCoordinates", latitude: s.lat, longitude: s.lng } : undefined,
    })),
    baseSalary,
    directApply: v.applyMethod === "staffroom",
    educationRequirements: undefined,
    experienceRequirements: v.ectSuitable
      ? { "@type": "OccupationalExperienceRequirements", monthsOfExperience: 0 }
      : undefined,
  };
}

/** JSON for a <script type="application/ld+json"> block: `<` escaped so text cannot close the script. */
export function ldJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, "\\u003c");
}
