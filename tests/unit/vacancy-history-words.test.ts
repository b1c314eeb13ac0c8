import { describe, expect, it } from "vitest";
import { actionInWords, changeInWords } from "../../app/vacancies/history-words";

describe("a vacancy's history in words", () => {
  it("says dates in London time and in words, not ISO strings", () => {
    expect(changeInWords("closesAt", { from: null, to: "2027-01-15T12:00:00.000Z" })).toBe(
      "Closing date set to Friday 15 January 2027 at 12:00pm",
    );
    // 12:00 UTC in July is 1pm in London (BST).
    expect(changeInWords("closesAt", { from: "2027-07-01T11:00:00.000Z", to: "2027-07-02T11:00:00.000Z" })).toBe(
      "Closing date changed from Thursday 1 July 2027 at 12:00pm to Friday 2 July 2027 at 12:00pm",
    );
  });

  it("names fields as the form does, with values in words and pounds", () => {
    expect(changeInWords("salaryMaxFte", { from: 45352, to: 46000 })).toBe(
      "Highest salary (full-time) changed from £45,352 to £46,000",
    );
    expect(changeInWords("phases", { from: ["primary"], to: ["primary", "secondary"] })).toBe(
      "Phases changed from Primary to Primary, Secondary",
    );
    expect(changeInWords("ectSuitable", { from: false, to: true })).toBe(
      "Suitable for early career teachers changed from no to yes",
    );
    expect(changeInWords("aboutRole", { from: "Old text", to: "New text" })).toBe("About the role rewritten");
  });

  it("says nothing when no value became another kind of no value (null to an empty list)", () => {
    expect(changeInWords("keyStages", { from: null, to: [] })).toBeNull();
    expect(changeInWords("keyStages", { from: ["ks3"], to: [] })).toMatch(/^Key stages removed \(was /);
  });

  it("never shows a code name or a raw value for a field it does not know", () => {
    const words = changeInWords("payAssessmentId", { from: null, to: "0b7c…" });
    expect(words).toBe("Another detail changed");
    expect(actionInWords("draft saved")).toBe("Draft saved");
  });
});
