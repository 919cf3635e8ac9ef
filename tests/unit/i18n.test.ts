import { describe, expect, it } from "vitest";
import en from "@/lib/i18n/dictionaries/en";
import nb from "@/lib/i18n/dictionaries/nb";
import { interpolate } from "@/lib/i18n/locales";

function leaves(obj: object, prefix = ""): [string, string][] {
  return Object.entries(obj).flatMap(([k, v]) =>
    typeof v === "string" ? [[prefix + k, v] as [string, string]] : leaves(v as object, `${prefix}${k}.`),
  );
}

describe("dictionaries", () => {
  it("have the same keys in both languages and no empty strings", () => {
    const nbLeaves = leaves(nb);
    const enLeaves = leaves(en);
    expect(enLeaves.map(([k]) => k).sort()).toEqual(nbLeaves.map(([k]) => k).sort());
    for (const [key, value] of [...nbLeaves, ...enLeaves]) expect(value.trim(), key).not.toBe("");
  });

  it("use the same placeholders in both languages", () => {
    const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
    const enMap = new Map(leaves(en));
    for (const [key, value] of leaves(nb)) expect(placeholders(enMap.get(key) ?? ""), key).toEqual(placeholders(value));
  });

  it("are actually translated where the words differ", () => {
    expect(nb.login.submit).toBe("Logg inn");
    expect(en.login.submit).toBe("Sign in");
  });
});

describe("interpolate", () => {
  it("fills known placeholders and leaves unknown ones visible", () => {
    expect(interpolate("Hei, {name} ({role})", { name: "Ada" })).toBe("Hei, Ada ({role})");
  });
});
