// The JavaScript a route ships, read from a production build (.next): the first load (the app's
// shared runtime chunks from build-manifest.json, plus the entry chunks of the route's page and of
// every layout and boundary above it from its client reference manifest) and the chunks its code
// loads later (next/dynamic: chunk names the first-load chunks mention but do not include). Sizes
// gzipped (zlib default level, as a server would send them), polyfills (nomodule) left out.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";

export interface RouteJs {
  route: string;
  firstLoad: { files: number; rawBytes: number; gzipBytes: number };
  /** Loaded on demand by the route (e.g. the chart), not counted in firstLoad. */
  lazy: { file: string; rawBytes: number; gzipBytes: number }[];
}

const BOUNDARIES = ["layout", "template", "error", "loading", "not-found", "forbidden", "unauthorized", "page"];

/** `segment` as in the app directory, e.g. "(app)/errors". */
export function routeJs(segment: string, root = process.cwd()): RouteJs | null {
  const next = path.join(root, ".next");
  const manifestFile = path.join(next, "server", "app", segment, "page_client-reference-manifest.js");
  if (!existsSync(manifestFile)) return null;
  const build = JSON.parse(readFileSync(path.join(next, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  // The manifest is a script assigning globalThis.__RSC_MANIFEST[page]; read its JSON literal.
  const text = readFileSync(manifestFile, "utf8");
  const json = text.slice(text.indexOf("= {") + 2).replace(/;\s*$/, "");
  const manifest = JSON.parse(json) as { entryJSFiles: Record<string, string[]> };
  const dirs = ["", ...segment.split("/").map((_, i, all) => all.slice(0, i + 1).join("/"))];
  const entries = Object.entries(manifest.entryJSFiles).filter(([key]) => {
    const rel = key.replace(/^\[project\]\/app\/?/, "");
    const dir = rel.includes("/") ? rel.slice(0, rel.lastIndexOf("/")) : "";
    const name = rel.slice(rel.lastIndexOf("/") + 1);
    return dirs.includes(dir) && BOUNDARIES.includes(name) && (name !== "page" || dir === segment);
  });
  const first = new Set([...build.rootMainFiles, ...entries.flatMap(([, files]) => files)]);
  const size = (file: string) => {
    const body = readFileSync(path.join(next, file));
    return { rawBytes: body.length, gzipBytes: gzipSync(body).length };
  };
  let rawBytes = 0;
  let gzipBytes = 0;
  const lazy = new Set<string>();
  for (const file of first) {
    const s = size(file);
    rawBytes += s.rawBytes;
    gzipBytes += s.gzipBytes;
    for (const m of readFileSync(path.join(next, file), "utf8").matchAll(/"(static\/chunks\/[\w.-]+\.js)"/g))
      if (!first.has(m[1]!)) lazy.add(m[1]!);
  }
  return {
    route: `/${segment.replace(/\([^)]*\)\/?/g, "")}`,
    firstLoad: { files: first.size, rawBytes, gzipBytes },
    lazy: [...lazy].map((file) => ({ file, ...size(file) })),
  };
}

export const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;
