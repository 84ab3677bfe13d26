// GET / — the landing page.
import Link from "next/link";

const FEATURES = [
  { title: "Works with your router", text: "dyndns2 and DuckDNS-style updates: ddclient, inadyn and the clients built into most routers." },
  { title: "IPv4 and IPv6", text: "A and AAAA records, IPv6 prefix updates, TXT records for ACME DNS-01 challenges." },
  { title: "Fair abuse handling", text: "Action is taken on one hostname, never on a whole zone: your names stay up." },
];

export default function LandingPage() {
  return (
    <div className="mx-auto max-w-5xl px-4 py-16">
      <section className="max-w-2xl">
        <h1 className="text-4xl font-semibold tracking-tight text-zinc-900 sm:text-5xl">A stable name for a changing address.</h1>
        <p className="mt-4 text-lg text-zinc-600">
          dynhost gives your home server, camera or lab a hostname that follows its IP address. Free, open, and fast to update.
        </p>
        <div className="mt-8 flex gap-3">
          <Link href="/signup" className="rounded-md bg-indigo-600 px-5 py-2.5 text-sm font-medium text-white shadow-sm hover:bg-indigo-500">
            Create a free account
          </Link>
          <Link href="/signin" className="rounded-md border border-zinc-300 bg-white px-5 py-2.5 text-sm font-medium text-zinc-800 hover:bg-zinc-50">
            Sign in
          </Link>
        </div>
      </section>
      <section aria-label="Features" className="mt-16 grid gap-6 sm:grid-cols-3">
        {FEATURES.map((f) => (
          <div key={f.title} className="rounded-lg border border-zinc-200 bg-white p-5 shadow-sm">
            <h2 className="font-semibold text-zinc-900">{f.title}</h2>
            <p className="mt-2 text-sm text-zinc-600">{f.text}</p>
          </div>
        ))}
      </section>
    </div>
  );
}
