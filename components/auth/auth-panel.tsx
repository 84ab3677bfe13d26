// The page frame for account pages: a heading, a short line, and the form in a panel.
import type { ReactNode } from "react";

/** Heading (the page's h1) + intro + panel. */
export function AuthPanel({ title, intro, children }: { title: string; intro?: ReactNode; children: ReactNode }) {
  return (
    <div>
      <h1 className="text-2xl font-semibold tracking-tight text-zinc-900">{title}</h1>
      {intro ? <p className="mt-2 text-sm text-zinc-600">{intro}</p> : null}
      <div className="mt-6 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">{children}</div>
    </div>
  );
}
