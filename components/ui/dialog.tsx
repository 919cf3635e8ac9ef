"use client";
// The app's modal (Radix Dialog: focus trapped and returned, Escape closes): a sheet from the bottom
// on a phone, a centred card from `sm` up. The caller gives the title (Dialog.Title) and the content.
import * as Dialog from "@radix-ui/react-dialog";
import type { ReactNode } from "react";

export function Modal({
  onClose,
  testId,
  describedBy,
  children,
}: {
  onClose: () => void;
  testId: string;
  /** The id of the element that says what the dialog is about. */
  describedBy: string;
  children: ReactNode;
}) {
  return (
    <Dialog.Root open onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="fixed inset-0 z-40 bg-ink/40" />
        <Dialog.Content
          data-testid={testId}
          aria-describedby={describedBy}
          className="fixed inset-x-0 bottom-0 z-50 max-h-[92vh] overflow-y-auto rounded-t-card bg-surface p-5 shadow-card sm:inset-auto sm:left-1/2 sm:top-1/2 sm:w-[32rem] sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-card"
        >
          {children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
