// The host's sub-pages: records, history, update keys, router setup.
import Link from "next/link";

const TABS = [
  { path: "", label: "Records" },
  { path: "/history", label: "History" },
  { path: "/keys", label: "Update keys" },
  { path: "/setup", label: "Router setup" },
] as const;

export type HostTab = (typeof TABS)[number]["path"];

/** Tab links for host `hostId`; `current` marks this page. */
export function HostTabs({ hostId, current }: { hostId: string; current: HostTab }) {
  return (
    <nav aria-label="Host" className="flex gap-1 border-b border-zinc-200">
      {TABS.map((t) => (
        <Link
          key={t.path}
          href={`/hosts/${hostId}${t.path}`}
          aria-current={t.path === current ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${
            t.path === current ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-600 hover:border-zinc-300 hover:text-zinc-900"
          }`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
