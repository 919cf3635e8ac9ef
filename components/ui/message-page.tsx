import { Link } from "@/components/ui/link";
import type { ReactNode } from "react";
import { primaryButton } from "@/components/ui/form";

/** Full-width message for 404, 403 and errors. */
export function MessagePage({
  code,
  title,
  body,
  action,
}: {
  code: string;
  title: string;
  body: string;
  action?: ReactNode;
}) {
  return (
    <div className="mx-auto flex max-w-lg flex-col items-start gap-3 py-16">
      <p className="font-mono text-sm font-semibold text-brand-600">{code}</p>
      <h1 className="text-2xl font-semibold text-ink">{title}</h1>
      <p className="text-ink-muted">{body}</p>
      {action}
    </div>
  );
}

export function PrimaryLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <Link href={href} className={`mt-2 ${primaryButton}`}>
      {children}
    </Link>
  );
}
