import { describe, expect, it } from "vitest";
import { jobPosting, ldJson } from "../../app/vacancies/json-ld";

const base = {
  id: "0b7c6a56-0000-4000-8000-000000000001",
  title: "Teacher of Mathematics",
  role: "classroom_teacher",
  status: "published",
  phases: ["secondary"],
  keyStages: [],
  subjects: ["mathematics"],
  sendSpecialism: false,
  ectSuitable: true,
  visaSponsorship: false,
  visitsWelcome: false,
  contractType: "permanent",
  fixedTermMonths: null,
  workingPattern: "full_time",
  fteThousandths: 1000,
  hoursPerWeek: null,
  startKind: "asap",
  startDate: null,
  startDateTo: null,
  payRange: "main",
  payPointFrom: "M1",
  payPointTo: "M6",
  supportGrade: null,
  salaryMinFte: 32916,
  salaryMaxFte: 45352,
  hourlyRatePence: null,
  allowances: [],
  aboutRole: "Teach maths </script><script>alert(1)</script>",
  aboutSchool: "",
  skillsExperience: "",
  whatWeOffer: "",
  applyMethod: "external_link",
  applyUrl: "https://example.org",
  applyEmail: null,
  contactName: null,
  contactEmail: null,
  contactPhone: null,
  closesAt: "2026-12-01T12:00:00.000Z",
  closedReason: null,
  publishedAt: "2026-11-20T09:00:00.000Z",
  ownerName: "Northbrook Learning Trust",
  schools: [
    {
      schoolId: "a",
      urn: 990001,
      name: "Northbrook Primary",
      fteShare: 600,
      town: "Northbrook",
      postcode: "DV1 2AB",
      lat: 52.95,
      lng: -1.15,
    },
    {
      schoolId: "b",
      urn: 990002,
      name: "Riverside High",
      fteShare: 400,
      town: "Riverside",
      postcode: "DV2 3CD",
      lat: 52.97,
      lng: -1.1,
    },
  ],
};

describe("JobPosting JSON-LD", () => {
  it("carries numeric yearly pay, validThrough, employment type and one location per school", () => {
    const ld = jobPosting(base, "https://staffroom.example");
    expect(ld.baseSalary).toEqual({
      "@type": "MonetaryAmount",
      currency: "GBP",
      value: { "@type": "QuantitativeValue", minValue: 32916, maxValue: 45352, unitText: "YEAR" },
    });
    expect(ld.validThrough).toBe("2026-12-01T12:00:00.000Z");
    expect(ld.datePosted).toBe("2026-11-20T09:00:00.000Z");
    expect(ld.employmentType).toEqual(["FULL_TIME"]);
    expect(ld.jobLocation).toHaveLength(2);
    expect(ld.jobLocation[1]).toMatchObject({
      name: "Riverside High",
      address: { postalCode: "DV2 3CD", addressCountry: "GB" },
    });
    expect(ld.directApply).toBe(false);
    expect(ld.hiringOrganization.name).toBe("Northbrook Learning Trust");
  });

  it("uses an hourly unit for casual roles and marks part-time and temporary work", () => {
    const ld = jobPosting(
      {
        ...base,
        payRange: "hourly",
        hourlyRatePence: 1450,
        salaryMinFte: null,
        salaryMaxFte: null,
        contractType: "casual",
        workingPattern: "flexible",
        fteThousandths: 500,
      },
      "https://staffroom.example",
    );
    expect(ld.baseSalary?.value).toEqual({
      "@type": "QuantitativeValue",
      minValue: 14.5,
      maxValue: 14.5,
      unitText: "HOUR",
    });
    expect(ld.employmentType).toEqual(["PER_DIEM", "PART_TIME"]);
  });

  it("escapes < so advert text cannot end the script block", () => {
    const text = ldJson(jobPosting(base, "https://staffroom.example"));
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text).description).toContain("</script><script>");
  });
});
