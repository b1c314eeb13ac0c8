import { describe, expect, it } from "vitest";
import { COLUMN_NAMES, csvCell, templateCsv } from "../../app/vacancies/csv-import/columns";
import { decodeCsvBytes, MAX_ROWS, parseCsvText, readCsvFile } from "../../app/vacancies/csv-import/parse";
import { mapRow, type RowContext } from "../../app/vacancies/csv-import/rows";

const A = "0f9a4c52-6b1e-4c8e-9d55-1a2b3c4d5e6f";
const B = "1e8b5d63-7c2f-4d9f-8e66-2b3c4d5e6f70";
const ctx: RowContext = {
  schoolsByUrn: new Map([
    [100001, { id: A, urn: 100001 }],
    [100002, { id: B, urn: 100002 }],
  ]),
  now: new Date(),
};
const future = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);

const base: Record<string, string> = {
  title: "Teacher of Mathematics",
  role: "classroom_teacher",
  phases: "secondary",
  key_stages: "ks3;ks4",
  subjects: "Maths",
  school_urns: "100001",
  pay_range: "main",
  pay_point_from: "m1",
  pay_point_to: "M6",
  salary_min: "32916",
  salary_max: "£45,352",
  about_role: "Teach mathematics to classes across key stages 3 and 4.",
  apply_url: "https://example.org/apply",
  closes_at: `${future} 12:00`,
};
const row = (cells: Record<string, string>, extraCells = 0) => mapRow({ row: 2, cells, extraCells }, ctx);
const errorsOf = (cells: Record<string, string>) => {
  const r = row(cells);
  return r.ok ? [] : r.errors.map((e) => `${e.field}: ${e.message}`);
};

describe("CSV rows → vacancy fields", () => {
  it("maps a complete row with labels and synonyms to the form's stored values", () => {
    const r = row({
      ...base,
      role: "Classroom teacher",
      phases: "Secondary",
      subjects: "maths; MFL ; D&T",
      ect_suitable: "Yes",
      start: "asap",
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.fields).toMatchObject({
      title: "Teacher of Mathematics",
      role: "classroom_teacher",
      phases: ["secondary"],
      keyStages: ["ks3", "ks4"],
      subjects: ["mathematics", "mfl", "design_technology"],
      ectSuitable: true,
      payRange: "main",
      payPointFrom: "M1",
      salaryMinFte: 32916,
      salaryMaxFte: 45352,
      startKind: "asap",
      contractType: "permanent",
      workingPattern: "full_time",
      applyMethod: "external_link",
    });
    expect(r.value.fte).toBe(1000);
    expect(r.value.schools).toEqual([{ schoolId: A, share: null }]);
    expect(r.value.complete).toBe(true);
    expect(r.value.closesAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("splits a role between schools by fte_shares, and says so when the shares do not add up", () => {
    const ok = row({ ...base, school_urns: "100001;100002", fte_shares: "0.6;0.4" });
    expect(ok.ok && ok.value.schools).toEqual([
      { schoolId: A, share: 600 },
      { schoolId: B, share: 400 },
    ]);
    expect(errorsOf({ ...base, school_urns: "100001;100002", fte_shares: "0.6;0.3" })).toEqual([
      "fte_shares: The schools' shares add up to 0.9 but the role is 1 FTE",
    ]);
    expect(errorsOf({ ...base, school_urns: "100001;100002", fte_shares: "0.6" })[0]).toMatch(
      /^fte_shares: Give one share for each school: 2 schools, 1 share/,
    );
    const central = row({ ...base, school_urns: "100001;100002" });
    expect(central.ok && central.value.schools.map((s) => s.share)).toEqual([null, null]);
  });

  it("part-time roles need an FTE; a full-time one defaults to 1", () => {
    expect(errorsOf({ ...base, working_pattern: "part time" })).toEqual(["fte: Enter the FTE, for example 1 or 0.6"]);
    const part = row({ ...base, working_pattern: "part-time", fte: "0.6" });
    expect(part.ok && part.value.fte).toBe(600);
    expect(errorsOf({ ...base, fte: "0.5" })).toEqual(["fte: A full-time role is 1 FTE: choose part time for less"]);
  });

  it("refuses unknown URNs and schools the user does not post for, by column", () => {
    expect(errorsOf({ ...base, school_urns: "999999" })).toEqual([
      "school_urns: URN 999999 is not a school you post vacancies for",
    ]);
    expect(errorsOf({ ...base, school_urns: "abc" })).toEqual([
      "school_urns: URN abc is not a school you post vacancies for",
    ]);
    expect(errorsOf({ ...base, school_urns: "" })).toEqual(["school_urns: Enter the URN of at least one school"]);
  });

  it("refuses another employer's school in the partnership at the row, saying where such a share is set", () => {
    const withPartners: RowContext = {
      ...ctx,
      partnerSchoolsByUrn: new Map([[100009, { name: "Riverside Academy", employerName: "Riverside Schools Trust" }]]),
    };
    const result = mapRow(
      { row: 7, cells: { ...base, school_urns: "100001;100009", fte_shares: "0.6;0.4" }, extraCells: 0 },
      withPartners,
    );
    expect(result.ok ? [] : result.errors).toEqual([
      {
        row: 7,
        field: "school_urns",
        message:
          "URN 100009 is Riverside Academy, a school of Riverside Schools Trust: a role shared with another employer's school cannot be imported, because Riverside Schools Trust's HR must confirm its share first. Import the row without that school, then add it on the role's \"Schools and hours\" step",
      },
    ]);
    // Without that school the same row imports.
    expect(mapRow({ row: 7, cells: { ...base, school_urns: "100001" }, extraCells: 0 }, withPartners).ok).toBe(true);
  });

  it("reports pay problems at the pay columns", () => {
    expect(errorsOf({ ...base, salary_min: "50000", salary_max: "40000" })).toEqual([
      "salary_max: The maximum must be at least the minimum",
    ]);
    expect(errorsOf({ ...base, salary_min: "lots" })).toEqual([
      "salary_min: Enter the minimum salary as a number of pounds",
    ]);
    expect(errorsOf({ ...base, pay_range: "hourly", salary_min: "", salary_max: "" })).toEqual([
      "hourly_rate: Enter the hourly rate",
    ]);
    const hourly = row({
      ...base,
      pay_range: "hourly",
      salary_min: "",
      salary_max: "",
      hourly_rate: "12.65",
      contract_type: "casual",
    });
    expect(hourly.ok && hourly.value.fields).toMatchObject({
      hourlyRatePence: 1265,
      salaryMinFte: null,
      contractType: "casual",
    });
    expect(errorsOf({ ...base, contract_type: "fixed term" })).toEqual([
      "fixed_term_months: Enter how many months the contract lasts",
    ]);
    const allowance = row({ ...base, allowances: "tlr2:3391; sen:2,679" });
    expect(allowance.ok && allowance.value.fields.allowances).toEqual([
      { kind: "tlr2", amount: 3391 },
      { kind: "sen", amount: 2679 },
    ]);
    expect(errorsOf({ ...base, allowances: "bonus:500" })[0]).toMatch(/^allowances: Write allowances as kind:pounds/);
  });

  it("reports impossible start and closing dates at their columns, with the row", () => {
    for (const date of ["2027-02-30", "0000-00-00", "2027-13-01"]) {
      const r = row({ ...base, start: date });
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.errors).toContainEqual(expect.objectContaining({ row: 2, field: "start" }));
      expect(errorsOf({ ...base, closes_at: `${date} 12:00` })[0]).toMatch(/^closes_at: Enter a/);
    }
    expect(errorsOf({ ...base, start: "2027-02-30" })).toEqual([
      "start: Enter a real date, for example 1 September 2027",
    ]);
  });

  it("reports a closing date in the past, a bad date and a publish date after closing", () => {
    expect(errorsOf({ ...base, closes_at: "2020-01-01 12:00" })).toEqual([
      "closes_at: The closing date and time must be in the future",
    ]);
    expect(errorsOf({ ...base, closes_at: "31/03/2027" })).toEqual(["closes_at: Enter a date and time"]);
    expect(errorsOf({ ...base, closes_at: "2027-02-31 12:00" })).toEqual(["closes_at: Enter a real date and time"]);
    expect(errorsOf({ ...base, publish_at: `${future} 13:00` })).toEqual([
      "publish_at: Publish before the closing date",
    ]);
  });

  it("keeps a row without advert or applying columns as an incomplete draft", () => {
    const r = row({ ...base, about_role: "", apply_url: "", closes_at: "" });
    expect(r.ok && r.value.complete).toBe(false);
    expect(r.ok && r.value.fields.aboutRole).toBeUndefined();
  });

  it("reports every problem of a row, each with its column, and the choices for fixed columns", () => {
    const errors = errorsOf({
      ...base,
      title: "",
      role: "wizard",
      phases: "",
      subjects: "Underwater basketry",
      ect_suitable: "maybe",
    });
    expect(errors).toEqual([
      'subjects: "Underwater basketry" is not a subject on our list',
      "ect_suitable: Enter yes or no",
      "title: Enter a job title of at least 3 characters",
      expect.stringMatching(/^role: Choose the kind of role \(one of: classroom_teacher, .*other\)$/),
      expect.stringMatching(/^phases: Choose at least one phase \(one of: nursery, .*special\)$/),
    ]);
  });

  it("says when a row has more values than columns, and refuses both apply_url and apply_email", () => {
    const r = row(base, 47);
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([
      "This row has 47 more values than the header has columns: check for unquoted commas",
    ]);
    expect(errorsOf({ ...base, apply_email: "jobs@example.org" })).toEqual([
      "apply_email: Give either apply_url or apply_email, not both",
    ]);
  });

  it("rejects control characters in free text but keeps unicode", () => {
    expect(errorsOf({ ...base, title: "Teacher\u0007" })).toEqual(["title: Remove the unusual characters"]);
    const r = row({ ...base, title: "Enseignant·e de français – Ysgol Gymraeg 🇬🇧" });
    expect(r.ok && r.value.fields.title).toBe("Enseignant·e de français – Ysgol Gymraeg 🇬🇧");
  });
});

describe("CSV files", () => {
  const header = "title,role,phases,school_urns,pay_range";
  it("reads headers in any order and case, and numbers rows as a spreadsheet does", () => {
    const parsed = parseCsvText(
      `Title,Pay Range,School URNs,role,phases\n"Teacher, maths",main,100001,classroom_teacher,secondary\n,,,,\nB,main,100002,ta,primary\n`,
    );
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.rows.map((r) => [r.row, r.cells.title, r.cells.school_urns])).toEqual([
      [2, "Teacher, maths", "100001"],
      [4, "B", "100002"],
    ]);
  });

  it("refuses files that are not the format, with one message", () => {
    const msg = (text: string) => {
      const p = parseCsvText(text);
      return p.ok ? "ok" : p.message;
    };
    expect(msg("")).toBe("The file is empty");
    expect(msg("\n\n")).toBe("The file is empty");
    expect(msg(header)).toBe("The file has a header but no vacancies");
    expect(msg("name,salary\nx,1")).toMatch(/Unknown columns: "name", "salary"/);
    expect(msg("title,role,phases\nx,y,z")).toBe("The file needs the columns school_urns, pay_range");
    expect(msg(`${header},title\na,b,c,d,e,f`)).toBe('The column "title" appears twice');
    expect(msg(`${header}\n"unclosed,quote`)).toMatch(/could not be read as CSV/);
    expect(msg(`${header}\n${"a,b,c,d,e\n".repeat(MAX_ROWS + 1)}`)).toMatch(/more than 2,000 vacancies/);
    expect(msg(`${Array.from({ length: 150 }, (_, i) => `c${i}`).join(",")}\n1`)).toMatch(/150 columns/);
  });

  it("decodes UTF-8 with a BOM and Windows-1252, and refuses binary", () => {
    const utf8 = decodeCsvBytes(new TextEncoder().encode("\uFEFFtitle\nCafé"));
    expect(utf8.ok && utf8.text).toBe("title\nCafé");
    const cp1252 = decodeCsvBytes(Uint8Array.from([0x74, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x20, 0x80]));
    expect(cp1252.ok && cp1252.text).toBe("t\nCafé €");
    const binary = readCsvFile(Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256));
    expect(binary.ok ? "" : binary.message).toMatch(/not a CSV text file/);
    const png = readCsvFile(Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
    expect(png.ok).toBe(false);
    expect(readCsvFile(new Uint8Array(3 * 1024 * 1024).fill(65))).toEqual({
      ok: false,
      message: "The file must be at most 2 MB",
    });
  });

  it("the template parses, and its example rows are valid at the user's schools", () => {
    const parsed = parseCsvText(templateCsv([100001, 100002]));
    expect(parsed.ok && parsed.header).toEqual(COLUMN_NAMES);
    if (!parsed.ok) return;
    const results = parsed.rows.map((r) => mapRow(r, ctx));
    expect(results.map((r) => (r.ok ? "ok" : r.errors))).toEqual(["ok", "ok"]);
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
  });
});
