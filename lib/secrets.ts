// Secrets the app needs: taken from the environment, or in embedded mode generated once into
// .data/secrets.json (mode 0600). Never printed or logged.
import "server-only";
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { env, type Env } from "./env";

const fileSchema = z.object({ authSecret: z.string().min(32), encryptionKey: z.string().length(44) });

export interface Secrets {
  authSecret: string;
  encryptionKey: Buffer;
}

function readOrCreate(dataDir: string): z.infer<typeof fileSchema> {
  const file = path.join(dataDir, "secrets.json");
  try {
    return fileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") {
      throw new Error(
        `${file} is unreadable or malformed; remove it to generate new secrets (signs everyone out and loses stored sales-unit keys)`,
      );
    }
  }
  mkdirSync(dataDir, { recursive: true });
  const fresh = {
    authSecret: randomBytes(32).toString("base64url"),
    encryptionKey: randomBytes(32).toString("base64"),
  };
  try {
    // "wx": if another process created it first, we read theirs instead.
    writeFileSync(file, JSON.stringify(fresh), { flag: "wx", mode: 0o600 });
    return fresh;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EEXIST")
      return fileSchema.parse(JSON.parse(readFileSync(file, "utf8")));
    throw err;
  }
}

export function resolveSecrets(e: Env): Secrets {
  if (e.authSecret && e.encryptionKey) return { authSecret: e.authSecret, encryptionKey: e.encryptionKey };
  if (e.database.driver === "pg") {
    // Several instances share one PostgreSQL: a per-machine generated secret would split them.
    throw new Error("With DATABASE_URL set, AUTH_SECRET and ENCRYPTION_KEY must be set too (see .env.example)");
  }
  const stored = readOrCreate(e.dataDir);
  return {
    authSecret: e.authSecret ?? stored.authSecret,
    encryptionKey: e.encryptionKey ?? Buffer.from(stored.encryptionKey, "base64"),
  };
}

let cached: Secrets | undefined;
export function secrets(): Secrets {
  cached ??= resolveSecrets(env());
  return cached;
}
