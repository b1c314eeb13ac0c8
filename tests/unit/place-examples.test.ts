import { describe, expect, it } from "vitest";
import { placeHint, placeNotFoundMessage } from "../../app/places/examples.server";

const demoshire = { postcode: "DS1 2AB", outcode: "DS1", town: "Milltown", localAuthority: "Demoshire" };

describe("place hints", () => {
  it("come from the region shown", () => {
    expect(placeHint(demoshire)).toBe("For example DS1 2AB, DS1, Milltown or Demoshire");
  });

  it("never repeat the example that failed, whatever its case", () => {
    expect(placeHint(demoshire, " milltown ")).toBe("For example DS1 2AB, DS1 or Demoshire");
    expect(placeNotFoundMessage(demoshire, "ds1 2ab")).toBe(
      "We could not find “ds1 2ab”. Try a full postcode, a postcode district like DS1, a town like Milltown or a local authority like Demoshire.",
    );
  });

  it("make up nothing when the region has no findable postcode", () => {
    expect(placeHint(null)).toBe("A full postcode, a postcode district, a town or a local authority");
    expect(placeNotFoundMessage(null, "Atlantis")).toBe(
      "We could not find “Atlantis”. Try a full postcode, a postcode district, a town or a local authority.",
    );
  });
});
