"use client";
// The command palette's host: Ctrl-K / ⌘K (or a "Jump to" button, through PALETTE_EVENT) opens it.
// The palette itself (cmdk and its search) is its own chunk, fetched once the page is idle: no page
// carries it in its first load.
import dynamic from "next/dynamic";
import { useEffect, useEffectEvent, useRef, useState } from "react";
import type { PaletteProps } from "./command-palette-dialog";

export const PALETTE_EVENT = "merchant-ops:palette";

const load = () => import("./command-palette-dialog");
const PaletteDialog = dynamic(() => load().then((m) => m.CommandPaletteDialog), { ssr: false });

export function CommandPalette(props: Omit<PaletteProps, "onClose">) {
  const [open, setOpen] = useState(false);
  // Focus goes back where it was when the palette opened (it is unmounted on close, and loaded
  // lazily on first open, so this is not left to the dialog).
  const returnTo = useRef<HTMLElement | null>(null);
  const show = () => {
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    const to = returnTo.current;
    requestAnimationFrame(() => to?.isConnected && to.focus());
  };
  const toggle = useEffectEvent(() => (open ? close() : show()));
  useEffect(() => {
    // Not in the page's JavaScript, but fetched once the page is idle: what is typed right after
    // Ctrl-K lands in the field instead of waiting for the download.
    const idle = window.requestIdleCallback?.(() => void load()) ?? window.setTimeout(() => void load(), 2_000);
    return () => (window.cancelIdleCallback ?? window.clearTimeout)(idle);
  }, []);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key.toLowerCase() !== "k" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) return;
      e.preventDefault(); // the browser's own Ctrl-K (its search bar)
      toggle();
    };
    const onOpen = () => show();
    window.addEventListener("keydown", onKey);
    window.addEventListener(PALETTE_EVENT, onOpen);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener(PALETTE_EVENT, onOpen);
    };
  }, []);
  return open ? <PaletteDialog {...props} onClose={close} /> : null;
}

/** A button that opens the palette: for phones (no keyboard shortcut) and for those who prefer to click. */
export function PaletteButton({
  label,
  shortcut,
  className = "",
}: {
  label: string;
  shortcut?: string;
  className?: string;
}) {
  return (
    <button
      type="button"
      data-testid="palette-button"
      onClick={() => window.dispatchEvent(new Event(PALETTE_EVENT))}
      className={`inline-flex items-center gap-2 rounded-lg border border-surface-line bg-surface px-3 py-2 text-sm text-ink-muted hover:bg-surface-sunken hover:text-ink ${className}`}
    >
      <svg
        aria-hidden
        viewBox="0 0 20 20"
        className="h-4 w-4 shrink-0"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
      >
        <circle cx="9" cy="9" r="5.5" />
        <path d="m13 13 4 4" />
      </svg>
      <span className="flex-1 text-left">{label}</span>
      {shortcut ? (
        <kbd className="rounded border border-surface-line px-1.5 font-sans text-xs text-ink-muted">{shortcut}</kbd>
      ) : null}
    </button>
  );
}
