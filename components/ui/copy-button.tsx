"use client";
// Copies a value and says so for two seconds, then offers to copy again.
import { useEffect, useState } from "react";

export function CopyButton({
  value,
  label,
  copied,
  testId,
  size = "small",
}: {
  value: string;
  label: string;
  copied: string;
  testId?: string;
  size?: "small" | "normal";
}) {
  const [done, setDone] = useState(false);
  useEffect(() => {
    if (!done) return;
    const timer = setTimeout(() => setDone(false), 2_000);
    return () => clearTimeout(timer);
  }, [done]);
  return (
    <button
      type="button"
      data-testid={testId}
      onClick={() => void navigator.clipboard?.writeText(value).then(() => setDone(true))}
      className={`border border-surface-line bg-surface font-semibold text-ink hover:bg-surface-sunken ${size === "small" ? "rounded-md px-2 py-0.5 text-xs" : "self-start rounded-lg px-3 py-1.5 text-sm"}`}
    >
      <span aria-live="polite">{done ? `✓ ${copied}` : label}</span>
    </button>
  );
}
