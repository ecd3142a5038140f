import { describe, expect, it } from "vitest";
import { landingPath, mayLandElsewhere, NEEDS_POSITION_PATH } from "./landing.ts";

describe("landingPath", () => {
  it("sends a delegation head opening the app at / to what waits for its position", () => {
    expect(landingPath({ path: "/", search: "", cameFrom: null, speakFor: "FRA" })).toBe(NEEDS_POSITION_PATH);
    expect(landingPath({ path: "/", search: "", cameFrom: "/sign-in", speakFor: "FRA" })).toBe(NEEDS_POSITION_PATH);
  });

  it("shows the map to everyone else, to a map link with a date, and to a click on the map from another page", () => {
    expect(landingPath({ path: "/", search: "", cameFrom: null, speakFor: null })).toBeNull();
    expect(landingPath({ path: "/", search: "", cameFrom: null, speakFor: undefined })).toBeNull();
    expect(landingPath({ path: "/", search: "?at=2004-03-29", cameFrom: null, speakFor: "FRA" })).toBeNull();
    expect(landingPath({ path: "/", search: "", cameFrom: "/proposals", speakFor: "FRA" })).toBeNull();
    expect(landingPath({ path: "/proposals", search: "", cameFrom: null, speakFor: "FRA" })).toBeNull();
  });

  it("knows when the session must be known before the map is shown", () => {
    expect(mayLandElsewhere({ path: "/", search: "", cameFrom: null })).toBe(true);
    expect(mayLandElsewhere({ path: "/", search: "", cameFrom: "/organizations/NATO" })).toBe(false);
    expect(mayLandElsewhere({ path: "/actors/FRA", search: "", cameFrom: null })).toBe(false);
  });
});
