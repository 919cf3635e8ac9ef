// The end of a GET filter form: apply, and (where the page has one) a link back to no filters.
import { Link } from "@/components/ui/link";

export function FilterButtons({ apply, clear }: { apply: string; clear?: { href: string; label: string } }) {
  return (
    <>
      <button
        type="submit"
        className="rounded-lg border border-surface-line bg-surface px-4 py-2 text-sm font-semibold hover:bg-surface-sunken"
      >
        {apply}
      </button>
      {clear ? (
        <Link href={clear.href} className="px-2 py-2 text-sm text-ink-muted hover:text-ink">
          {clear.label}
        </Link>
      ) : null}
    </>
  );
}
