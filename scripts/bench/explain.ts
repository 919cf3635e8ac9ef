// EXPLAIN (ANALYZE, BUFFERS) of the exact SQL and parameters Prisma sent (captured from its query
// log), and which index each scan used.
import type { CapturedQuery } from "./clients";
import type { SqlExecutor } from "./generate";

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Rows Removed by Filter"?: number;
  Plans?: PlanNode[];
}

export interface ExplainResult {
  name: string;
  sql: string;
  params: unknown[];
  executionMs: number;
  planningMs: number;
  /** "Index Scan Payment_msn_createdAt_idx on Payment", "Seq Scan on Payment", … in plan order */
  scans: string[];
  indexes: string[];
  seqScans: string[];
  sharedHit: number;
  sharedRead: number;
  plan: string;
}

function walk(node: PlanNode, visit: (n: PlanNode) => void): void {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

/** Prisma logs parameters as JSON; PostgreSQL infers their types from the statement. */
const toParam = (v: unknown) =>
  v === null || typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);

export async function explain(sql: SqlExecutor, name: string, q: CapturedQuery): Promise<ExplainResult> {
  const params = q.params.map(toParam);
  const json = await sql.query<{ "QUERY PLAN": unknown }>(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${q.sql}`, params);
  const raw = json.rows[0]!["QUERY PLAN"];
  const doc = (typeof raw === "string" ? JSON.parse(raw) : raw) as {
    Plan: PlanNode & { "Shared Hit Blocks"?: number; "Shared Read Blocks"?: number };
    "Execution Time": number;
    "Planning Time": number;
  }[];
  const top = doc[0]!;
  const scans: string[] = [];
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  walk(top.Plan, (n) => {
    if (n["Index Name"]) {
      indexes.add(n["Index Name"]);
      scans.push(`${n["Node Type"]} ${n["Index Name"]}${n["Relation Name"] ? ` on ${n["Relation Name"]}` : ""}`);
    } else if (n["Relation Name"]) {
      if (n["Node Type"] === "Seq Scan") seqScans.add(n["Relation Name"]);
      scans.push(
        `${n["Node Type"]} on ${n["Relation Name"]}${n["Rows Removed by Filter"] ? ` (${n["Rows Removed by Filter"]} rows removed by filter)` : ""}`,
      );
    }
  });
  const text = await sql.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS) ${q.sql}`, params);
  return {
    name,
    sql: q.sql,
    params,
    executionMs: Math.round(top["Execution Time"] * 1000) / 1000,
    planningMs: Math.round(top["Planning Time"] * 1000) / 1000,
    scans,
    indexes: [...indexes],
    seqScans: [...seqScans],
    sharedHit: top.Plan["Shared Hit Blocks"] ?? 0,
    sharedRead: top.Plan["Shared Read Blocks"] ?? 0,
    plan: text.rows.map((r) => r["QUERY PLAN"]).join("\n"),
  };
}

export async function explainAll(
  sql: SqlExecutor,
  groups: { name: string; queries: CapturedQuery[] }[],
  label: string,
): Promise<ExplainResult[]> {
  const out: ExplainResult[] = [];
  for (const g of groups) {
    // Settings the app made for its reads (SET LOCAL in their transactions) hold for their EXPLAINs too.
    const settings = new Set(
      g.queries.filter((q) => /^\s*SET LOCAL /i.test(q.sql)).map((q) => q.sql.replace(/^\s*SET LOCAL /i, "SET ")),
    );
    for (const statement of settings) await sql.query(statement);
    const reads = g.queries.filter((q) => /^\s*(SELECT|WITH)\b/i.test(q.sql));
    for (const [i, q] of reads.entries()) {
      const what = reads.length > 1 ? `${g.name} #${i + 1}${/GROUP BY/.test(q.sql) ? " counts" : ""}` : g.name;
      out.push(await explain(sql, `${label}: ${what}`, q));
    }
    if (settings.size > 0) await sql.query("RESET ALL");
  }
  return out;
}
