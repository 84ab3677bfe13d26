// GET /dev/mail/:id — one message of the dev outbox, links clickable.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { formatTime } from "@/components/account/format-time";
import { db } from "@/lib/db";
import { requireOutboxReader } from "../access";

export const metadata: Metadata = { title: "Dev outbox message" };

const URL_RE = /(https?:\/\/[^\s<>"]+)/g;

function Linkified({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_RE).map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} className="text-indigo-700 underline">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}

export default async function DevMailMessagePage({ params }: { params: Promise<{ id: string }> }) {
  await requireOutboxReader();
  const { id } = await params;
  if (!/^[0-9a-f-]{36}$/i.test(id)) notFound();
  const m = await db().mailMessage.findUnique({ where: { id } });
  if (!m) notFound();
  return (
    <div className="mx-auto w-full max-w-3xl px-4 py-10">
      <Link href="/dev/mail" className="text-sm text-indigo-700 hover:underline">
        ← Dev outbox
      </Link>
      <article aria-labelledby="mail-subject" className="mt-4 rounded-lg border border-zinc-200 bg-white p-6 shadow-sm">
        <h1 id="mail-subject" className="text-xl font-semibold">
          {m.subject}
        </h1>
        <p className="mt-1 text-sm text-zinc-500">
          to {m.to} · {formatTime(m.createdAt)}
        </p>
        <pre className="mt-6 whitespace-pre-wrap break-words font-sans text-sm leading-relaxed text-zinc-800">
          <Linkified text={m.text} />
        </pre>
      </article>
    </div>
  );
}
