"use client";
// The phone menu: a drawer from the left (Radix Dialog: focus trapped and returned to the button,
// Escape and the overlay close it). Following a link inside it closes it too.
import * as Dialog from "@radix-ui/react-dialog";
import { useState, type ReactNode } from "react";

export function PhoneMenu({
  openLabel,
  closeLabel,
  title,
  children,
}: {
  openLabel: string;
  closeLabel: string;
  title: string;
  children: ReactNode;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog.Root open={open} onOpenChange={setOpen}>
      <Dialog.Trigger
        data-testid="menu-button"
        className="inline-flex items-center gap-2 rounded-lg border border-surface-line px-3 py-2 text-sm font-medium text-ink hover:bg-surface-sunken"
      >
        <svg aria-hidden viewBox="0 0 20 20" className="h-4 w-4" fill="none" stroke="currentColor" strokeWidth="2">
          <path d="M3 5h14M3 10h14M3 15h14" />
        </svg>
        {openLabel}
      </Dialog.Trigger>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content
          data-testid="phone-menu"
          aria-describedby={undefined}
          className="fixed inset-y-0 left-0 z-50 flex w-[85vw] max-w-xs flex-col gap-4 overflow-y-auto bg-surface p-4 shadow-card"
        >
          <div className="flex items-center justify-between">
            <Dialog.Title className="px-1 text-sm font-semibold text-ink">{title}</Dialog.Title>
            <Dialog.Close className="rounded-lg border border-surface-line px-3 py-1.5 text-sm font-medium text-ink hover:bg-surface-sunken">
              {closeLabel}
            </Dialog.Close>
          </div>
          {/* A click that lands on a link closes the drawer; the link then navigates as usual. */}
          <div
            className="flex flex-1 flex-col gap-4"
            onClick={(e) => {
              if ((e.target as HTMLElement).closest("a")) setOpen(false);
            }}
          >
            {children}
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
