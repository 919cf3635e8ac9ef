"use client";
// "/" focuses search on every page: the page's own search field when it has one (marked
// data-slash-search), else it opens the lookup with its field focused. Ignored while typing.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export const FOCUS_SEARCH_KEY = "merchant-ops:focus-search";

export function SlashSearch() {
  const router = useRouter();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "/" || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented) return;
      const target = e.target as HTMLElement | null;
      if (target && (/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) || target.isContentEditable)) return;
      e.preventDefault();
      const field = document.querySelector<HTMLInputElement>("[data-slash-search]");
      if (field) {
        field.focus();
        field.select();
        return;
      }
      sessionStorage.setItem(FOCUS_SEARCH_KEY, "1");
      router.push("/");
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [router]);
  return null;
}
