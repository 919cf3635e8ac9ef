// Calls a server action of the built app over HTTP exactly as the browser's React client does it,
// without a browser: POST to the page with the `Next-Action` header (the action's id from
// .next/server/server-reference-manifest.json) and the arguments encoded like React's encodeReply —
// for a `useActionState` form action that is `[previousState, formData]`, sent as multipart with the
// form's fields under `_1_` and then the argument list `[{},"$K1"]` as field `0`. The answer is the RSC
// (flight) stream; the action's return value is its row 1.
import { readFileSync } from "node:fs";
import path from "node:path";

interface ManifestEntry {
  filename?: string;
  exportedName?: string;
}

/** The id of `exportedName` from `file` (e.g. "lib/actions/money/submit-money-operation.ts") in the build. */
export function serverActionId(file: string, exportedName: string, root = process.cwd()): string {
  const manifest = JSON.parse(
    readFileSync(path.join(root, ".next", "server", "server-reference-manifest.json"), "utf8"),
  ) as { node: Record<string, ManifestEntry> };
  const hit = Object.entries(manifest.node).find(([, v]) => v.filename === file && v.exportedName === exportedName);
  if (!hit) throw new Error(`server action ${exportedName} (${file}) is not in the build's manifest`);
  return hit[0];
}

/** What next-safe-action answers (lib/actions/result.ts). */
export interface ActionReply<T> {
  /** HTTP status of the POST. */
  status: number;
  data?: T;
  serverError?: string;
  validationErrors?: unknown;
}

// Flight encodes some values as "$"-prefixed strings: dates, undefined, and a literal "$" as "$$".
function reviveFlight(_key: string, value: unknown): unknown {
  if (typeof value !== "string" || !value.startsWith("$")) return value;
  if (value.startsWith("$$")) return value.slice(1);
  if (value.startsWith("$D")) return new Date(value.slice(2));
  if (value === "$undefined") return undefined;
  return value;
}

/** Row `id` of a flight stream ("<hex id>:<json>\n" rows). */
function flightRow(body: string, id: number): unknown {
  const prefix = `${id.toString(16)}:`;
  const line = body.split("\n").find((l) => l.startsWith(prefix));
  if (line === undefined) throw new Error(`no row ${id} in the action's answer: ${body.slice(0, 300)}`);
  return JSON.parse(line.slice(prefix.length), reviveFlight);
}

export async function callServerAction<T>(opts: {
  /** http://host:port of the app */
  baseUrl: string;
  /** the page the form lives on, e.g. /payments/212345/ORD-1 */
  pagePath: string;
  actionId: string;
  cookie: string;
  form: Record<string, string>;
  signal?: AbortSignal;
}): Promise<ActionReply<T>> {
  const body = new FormData();
  for (const [k, v] of Object.entries(opts.form)) body.append(`_1_${k}`, v);
  // The root last, as React sends it: the server resolves "$K1" from the fields read before it.
  body.set("0", '[{},"$K1"]');
  const url = new URL(opts.pagePath, opts.baseUrl);
  const res = await fetch(url, {
    method: "POST",
    headers: {
      Cookie: opts.cookie,
      Accept: "text/x-component",
      "Next-Action": opts.actionId,
      Origin: url.origin,
      "Accept-Language": "nb",
    },
    body,
    redirect: "manual",
    signal: opts.signal,
  });
  const text = await res.text();
  if (res.status !== 200 || !(res.headers.get("content-type") ?? "").includes("text/x-component")) {
    throw new Error(`server action ${opts.pagePath}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  return { status: res.status, ...(flightRow(text, 1) as Omit<ActionReply<T>, "status">) };
}
