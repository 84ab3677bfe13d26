import { describe, expect, it } from "vitest";
import { safeNextPath } from "@/lib/validation/redirect";

describe("safeNextPath", () => {
  it("keeps local paths and refuses anything that leaves the site", () => {
    expect(safeNextPath("/admin")).toBe("/admin");
    expect(safeNextPath("/account/security?staff=totp")).toBe("/account/security?staff=totp");
    for (const bad of ["https://evil.test/", "//evil.test", "/\\evil.test", "evil", "/a\\b", "/a\nb", undefined, ["/x"], "/" + "a".repeat(600)]) {
      expect(safeNextPath(bad)).toBe("/dashboard");
    }
  });
});
