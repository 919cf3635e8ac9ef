import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "@/lib/auth/config";

describe("post-sign-in redirect", () => {
  it("keeps same-site deep links with their query", () => {
    expect(safeCallbackPath("/users?x=1")).toBe("/users?x=1");
  });

  it.each([
    "https://evil.example/",
    "//evil.example/x",
    "/\\evil.example",
    "javascript:alert(1)",
    "",
    "/login",
    "/api/auth/signout",
    42,
  ])("sends %j to the overview instead", (value) => expect(safeCallbackPath(value)).toBe("/"));
});
