// A white panel with an optional heading.
import type { ReactNode } from "react";

/** A section panel; `title` becomes its h2. */
export function Card({ title, description, children }: { title?: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section className="rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
      {title ? <h2 className="text-lg font-semibold text-zinc-900">{title}</h2> : null}
      {description ? <div className="mt-1 text-sm text-zinc-600">{description}</div> : null}
      <div className={title || description ? "mt-4" : undefined}>{children}</div>
    </section>
  );
}
