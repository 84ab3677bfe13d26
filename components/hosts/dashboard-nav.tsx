// The signed-in section's own navigation (the site header links the dashboard and security).
import Link from "next/link";

const LINKS = [
  { href: "/hosts", label: "Hostnames" },
  { href: "/keys", label: "Update keys" },
  { href: "/account/tokens", label: "API tokens" },
  { href: "/account/notifications", label: "Notifications" },
  { href: "/account/profile", label: "Profile" },
] as const;

/** Links between the dashboard's sections; `current` is the href of this page's section. */
export function DashboardNav({ current }: { current: (typeof LINKS)[number]["href"] }) {
  return (
    <nav aria-label="Dashboard" className="-mx-1 mb-8 flex flex-wrap gap-1 border-b border-zinc-200 pb-3">
      {LINKS.map((l) => (
        <Link
          key={l.href}
          href={l.href}
          aria-current={l.href === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 text-sm font-medium ${l.href === current ? "bg-indigo-50 text-indigo-700" : "text-zinc-600 hover:bg-zinc-100 hover:text-zinc-900"}`}
        >
          {l.label}
        </Link>
      ))}
    </nav>
  );
}
