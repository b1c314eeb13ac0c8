import { describe, expect, it } from "vitest";
import { gridToLatLng, parseGridReference } from "../../db/importers/grid";
import { detectPlaceFormat } from "../../db/importers/postcode-formats";
import { detectSchoolFormat } from "../../db/importers/school-formats";
import { canonicalPhase, typeGroupFromFundingCategory, typeGroupFromGias } from "../../db/importers/school-type-group";
import { Utf8OrWindows1252Decoder } from "../../db/importers/text-decoding";

describe("Utf8OrWindows1252Decoder", () => {
  it("reads UTF-8 as UTF-8", () => {
    const d = new Utf8OrWindows1252Decoder();
    expect(d.decode(Buffer.from("École Française", "utf8")) + d.end()).toBe("École Française");
    expect(d.encoding).toBe("utf-8");
  });

  it("switches to Windows-1252 at the first byte that is not UTF-8, even chunks later", () => {
    const d = new Utf8OrWindows1252Decoder();
    const ascii = d.decode(Buffer.from("urn,name\n", "latin1"));
    // 0x92 is Windows-1252's right single quote, 0xE9 its é: neither is valid UTF-8 here.
    const rest = d.decode(Buffer.from([0x31, 0x2c, 0x53, 0x74, 0x20, 0x41, 0x6e, 0x6e, 0x92, 0x73, 0x20, 0xe9]));
    expect(ascii + rest + d.end()).toBe("urn,name\n1,St Ann’s é");
    expect(d.encoding).toBe("windows-1252");
  });

  it("keeps a multi-byte UTF-8 character split across chunks whole", () => {
    const d = new Utf8OrWindows1252Decoder();
    const bytes = Buffer.from("180°", "utf8");
    expect(d.decode(bytes.subarray(0, 4)) + d.decode(bytes.subarray(4)) + d.end()).toBe("180°");
    expect(d.encoding).toBe("utf-8");
  });
});

describe("grid references", () => {
  it("converts a real GIAS easting/northing to the lat/lng published beside it (schools-england URN 100000)", () => {
    const p = gridToLatLng(533498, 181201);
    expect(p.lat).toBeCloseTo(51.513969, 5);
    expect(p.lng).toBeCloseTo(-0.077531, 5);
  });

  it("treats blanks, text and GIAS's 0,0 as no coordinates", () => {
    expect(parseGridReference("", "")).toBeNull();
    expect(parseGridReference("abc", "12")).toBeNull();
    expect(parseGridReference("0", "0")).toBeNull();
    expect(parseGridReference("378158", "391714")).not.toBeNull();
  });
});

describe("format detection", () => {
  it("tells the school formats apart by their header", () => {
    expect(detectSchoolFormat(["URN", "LA (code)", "EstablishmentName"])?.name).toBe("gias");
    expect(detectSchoolFormat(["urn", "name", "phase", "funding_category_2021"])?.name).toBe("schools-england");
    expect(detectSchoolFormat(["urn", "name", "type_group", "statutory_low_age"])?.name).toBe("trafford-full");
    expect(detectSchoolFormat(["id", "title"])).toBeUndefined();
  });

  it("tells the postcode formats apart, Code-Point Open by its data rather than a header", () => {
    expect(detectPlaceFormat(["outcode", "postcode_count", "lat"])?.name).toBe("outcodes");
    expect(detectPlaceFormat(["sector", "postcode_count", "lat"])?.name).toBe("sectors");
    expect(detectPlaceFormat(["postcode", "easting", "northing", "positional_quality"])?.name).toBe("postcodes");
    expect(detectPlaceFormat(["M1  1AE", "10", "384194", "398031", "E92000001"])?.name).toBe("codepoint-open");
    expect(detectPlaceFormat(["name", "x"])).toBeUndefined();
  });
});

describe("type groups and phases", () => {
  it("maps ESFA funding categories, leaving blanks unknown", () => {
    expect(typeGroupFromFundingCategory("Academy (mainstream)")).toBe("academy");
    expect(typeGroupFromFundingCategory("LA-maintained mainstream")).toBe("la_maintained");
    expect(typeGroupFromFundingCategory("Academy (special)")).toBe("special");
    expect(typeGroupFromFundingCategory("Pupil referral unit")).toBe("alternative_provision");
    expect(typeGroupFromFundingCategory("")).toBeNull();
  });

  it("maps GIAS groups, refined by the establishment type", () => {
    expect(typeGroupFromGias("Academies", "Academy converter")).toBe("academy");
    expect(typeGroupFromGias("Academies", "Academy special converter")).toBe("special");
    expect(typeGroupFromGias("Local authority maintained schools", "Pupil referral unit")).toBe(
      "alternative_provision",
    );
    expect(typeGroupFromGias("Local authority maintained schools")).toBe("la_maintained");
    expect(typeGroupFromGias("Free Schools")).toBe("academy");
    expect(typeGroupFromGias("Something new")).toBe("other");
  });

  it("uses GIAS's phase words for Trafford Data Lab's", () => {
    expect(canonicalPhase("All through")).toBe("All-through");
    expect(canonicalPhase("Post 16")).toBe("16 plus");
    expect(canonicalPhase("Primary")).toBe("Primary");
    expect(canonicalPhase("")).toBe("Not applicable");
  });
});
