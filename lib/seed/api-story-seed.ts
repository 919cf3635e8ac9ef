// Writes the demo's API story (api-story.ts) on the first start, after the demo payments: through
// writeCalls, so the per-minute rollups hold exactly the raw rows, in chunks of one transaction each.
import type { PrismaClient } from "@/generated/prisma/client";
import { writeCalls } from "@/lib/api-log/rollups";
import { toRow } from "@/lib/api-log/writer";
import type { LogEnvironment } from "@/lib/api-log/types";
import { planApiStory, STORY_MSNS, type StoryOrder } from "./api-story";
import { storyRecord } from "./api-story-calls";

const CHUNK = 5_000;

export interface ApiStorySeedOptions {
  now?: number;
  seed?: number;
  environment?: LogEnvironment;
}

/** The seeded payments of the story's sales units, so reads and bursts name orders the app holds. */
export async function storyOrders(prisma: PrismaClient): Promise<StoryOrder[]> {
  const payments = await prisma.payment.findMany({
    where: { msn: { in: STORY_MSNS }, initiatedAt: { not: null } },
    select: { msn: true, orderId: true, amount: true, initiatedAt: true },
    orderBy: [{ initiatedAt: "asc" }, { msn: "asc" }, { orderId: "asc" }],
  });
  return payments.map((p) => ({ msn: p.msn, orderId: p.orderId, amount: p.amount, at: p.initiatedAt!.getTime() }));
}

export async function seedApiStory(
  prisma: PrismaClient,
  o: ApiStorySeedOptions = {},
): Promise<{ calls: number; ms: number }> {
  const started = Date.now();
  const orders = await storyOrders(prisma);
  const rows = planApiStory({ now: o.now ?? started, seed: o.seed, orders, environment: o.environment }).map((c) =>
    toRow(storyRecord(c)),
  );
  for (let i = 0; i < rows.length; i += CHUNK) await writeCalls(prisma, rows.slice(i, i + CHUNK));
  return { calls: rows.length, ms: Date.now() - started };
}
