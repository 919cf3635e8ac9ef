import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { resolveSecrets } from "@/lib/secrets";

describe("configuration", () => {
  it("needs nothing in embedded mode", () => {
    const e = parseEnv({});
    expect(e.database.driver).toBe("pglite");
    expect(e.database).toMatchObject({ dir: path.resolve(".data/pglite") });
    expect(e.demoMode).toBe(true);
    expect(e.port).toBe(3000);
  });

  it("selects PostgreSQL from a postgres:// URL, with demo mode off by default", () => {
    const e = parseEnv({ DATABASE_URL: "postgresql://u:p@db:5432/mo" });
    expect(e.database).toEqual({ driver: "pg", url: "postgresql://u:p@db:5432/mo", poolSize: 10 });
    expect(e.demoMode).toBe(false);
  });

  it("names every bad variable in one error", () => {
    expect(() =>
      parseEnv({ DATABASE_URL: "mysql://x", ENCRYPTION_KEY: "short", PORT: "99999", DEMO_MODE: "yes" }),
    ).toThrow(/DATABASE_URL[\s\S]*ENCRYPTION_KEY[\s\S]*DEMO_MODE[\s\S]*PORT|DATABASE_URL[\s\S]*ENCRYPTION_KEY/);
    try {
      parseEnv({ DATABASE_URL: "mysql://x", ENCRYPTION_KEY: "short" });
    } catch (e) {
      expect(String(e)).toContain("postgres://");
      expect(String(e)).toContain("32 bytes");
      expect(String(e)).not.toContain("short"); // values are not echoed
    }
  });

  it("accepts a 32-byte key as hex or base64", () => {
    expect(parseEnv({ ENCRYPTION_KEY: "ab".repeat(32) }).encryptionKey?.length).toBe(32);
    expect(parseEnv({ ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64") }).encryptionKey?.length).toBe(32);
  });
});

describe("secrets", () => {
  it("generates them once into the data directory, private to the owner", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mo-secrets-"));
    const e = parseEnv({ DATA_DIR: dir });
    const first = resolveSecrets(e);
    const second = resolveSecrets(e);
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.encryptionKey.length).toBe(32);
    expect(second).toEqual(first);
    expect(statSync(path.join(dir, "secrets.json")).mode & 0o777).toBe(0o600);
    expect(readFileSync(path.join(dir, "secrets.json"), "utf8")).toContain(first.authSecret);
  });

  it("prefers the environment's values", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "mo-secrets-"));
    const s = resolveSecrets(parseEnv({ DATA_DIR: dir, AUTH_SECRET: "x".repeat(40) }));
    expect(s.authSecret).toBe("x".repeat(40));
  });

  it("refuses to invent secrets for a shared PostgreSQL deployment", () => {
    expect(() => resolveSecrets(parseEnv({ DATABASE_URL: "postgres://db/mo" }))).toThrow(
      /AUTH_SECRET and ENCRYPTION_KEY must be set/,
    );
  });
});
