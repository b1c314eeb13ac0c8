import { describe, expect, it } from "vitest";
import { phaseInWords, schoolLead, typeInWords } from "../../app/schools/describe";

describe("schools in people's words", () => {
  it("never shows GIAS's 'Not applicable' phase", () => {
    expect(phaseInWords("Not applicable")).toBeNull();
    expect(phaseInWords("Secondary")).toBe("Secondary");
  });

  it("names the type in words, preferring the official wording", () => {
    expect(typeInWords({ typeGroup: "academy" })).toBe("Academy");
    expect(typeInWords({ typeGroup: "la_maintained" })).toBe("Local-authority school");
    expect(typeInWords({ typeGroup: "academy", establishmentType: "Free schools" })).toBe("Free schools");
    expect(typeInWords({ typeGroup: "__proto__" })).toBeNull();
  });

  it("leads with phase, type and town", () => {
    expect(schoolLead({ phase: "Secondary", typeGroup: "academy", town: "Sale" })).toBe("Secondary academy, Sale");
    expect(schoolLead({ phase: "Not applicable", typeGroup: "special", town: "Northbrook" })).toBe(
      "Special school, Northbrook",
    );
    expect(schoolLead({ phase: null, typeGroup: null, town: null })).toBe("School");
  });
});
