// The update history of one host: when, from where, which client, what it asked for, what it got.
import { formatTime } from "@/components/account/format-time";
import { explainUpdate } from "@/lib/updates/reasons";
import { requestedValues } from "./update-reasons";

export type HistoryRow = {
  id: string; at: Date; protocol: string; sourceIp: string; userAgent: string | null; params: unknown; result: string; reason: string | null;
  changes?: { type: string; before: string[]; after: string[] }[] | null;
};

const list = (v: string[]) => v.join(", ") || "none";

const resultTone = (r: string) => (r.startsWith("good") ? "text-emerald-700" : r.startsWith("nochg") ? "text-zinc-700" : "text-red-700");

/** A table of update requests, newest first (server component). */
export function HistoryTable({ rows }: { rows: HistoryRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Update history</caption>
        <thead className="border-b border-zinc-200 text-xs uppercase text-zinc-500">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">Time</th>
            <th scope="col" className="py-2 pr-4 font-medium">Source</th>
            <th scope="col" className="py-2 pr-4 font-medium">Client</th>
            <th scope="col" className="py-2 pr-4 font-medium">Requested</th>
            <th scope="col" className="py-2 font-medium">Result</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 align-top">
          {rows.map((r) => {
            const why = explainUpdate(r.result, r.reason);
            return (
              <tr key={r.id}>
                <td className="whitespace-nowrap py-3 pr-4">{formatTime(r.at)}</td>
                <td className="py-3 pr-4 font-mono text-xs">{r.sourceIp}</td>
                <td className="max-w-48 truncate py-3 pr-4 text-xs" title={r.userAgent ?? undefined}>
                  {r.userAgent ?? <span className="text-zinc-400">none</span>}
                  <span className="block text-zinc-500">{r.protocol}</span>
                </td>
                <td className="py-3 pr-4 font-mono text-xs">{requestedValues(r.params) || <span className="font-sans text-zinc-500">its own address</span>}</td>
                <td className="py-3">
                  <span className={`font-mono text-xs font-medium ${resultTone(r.result)}`}>{r.result}</span>
                  {why ? <span className="block text-xs text-zinc-600">{why}</span> : null}
                  {r.changes?.map((c) => (
                    <span key={c.type} className="block font-mono text-xs text-zinc-600">
                      {c.type}: {list(c.before)} → {list(c.after)}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
