import { HistorySkeleton } from "@/components/history/history-skeleton";

export default function Loading() {
  return <HistorySkeleton />;
}
