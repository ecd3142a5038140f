import { describe, expect, it } from "vitest";
import { ASSIGNABLE_ROLES, delegationNeed, ROLES } from "./accounts.ts";

describe("roles", () => {
  it("an administrator may give every role but system-auditor, which the command line alone gives", () => {
    expect(ROLES.filter((role) => !(ASSIGNABLE_ROLES as readonly string[]).includes(role))).toEqual(["system-auditor"]);
  });

  it("delegation heads and members need a delegation, an analyst may have one, the others belong to none", () => {
    expect(Object.fromEntries(ROLES.map((role) => [role, delegationNeed(role)]))).toEqual({
      "secretariat-admin": "none",
      "secretariat-staff": "none",
      "delegation-head": "required",
      "delegation-member": "required",
      analyst: "optional",
      "registry-curator": "none",
      "system-auditor": "none",
    });
  });
});
