// The IP-change chart of the history page: one lane per address, a step line per address family
// showing which address the host had when, a dot per change. Inline SVG rendered on the server
// (no script), described for screen readers, with the same data as a table underneath.
import { formatTime } from "@/components/account/format-time";

export type ChartPoint = { at: Date; family: 4 | 6; ip: string };

const W = 720;
const LANE = 26;
const LEFT = 170;
const RIGHT = 16;
const TOP = 12;
const DAY = 86_400_000;
const COLORS = { 4: "#4f46e5", 6: "#0d9488" } as const;
const dayFmt = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** The chart for `points` (oldest first) between `since` and `until`. */
export function IpChart({ points, since, until }: { points: ChartPoint[]; since: Date; until: Date }) {
  const lanes = [...new Set(points.map((p) => `${p.family}|${p.ip}`))].sort();
  const height = TOP + Math.max(lanes.length, 1) * LANE + 30;
  const x = (d: Date) => LEFT + ((d.getTime() - since.getTime()) / Math.max(until.getTime() - since.getTime(), 1)) * (W - LEFT - RIGHT);
  const y = (p: ChartPoint) => TOP + lanes.indexOf(`${p.family}|${p.ip}`) * LANE + LANE / 2;
  const paths = ([4, 6] as const).map((family) => {
    const ps = points.filter((p) => p.family === family);
    // Horizontal while the address holds, vertical at each change, on to "now".
    const d = ps.map((p, i) => (i === 0 ? `M${x(p.at).toFixed(1)} ${y(p)}` : `H${x(p.at).toFixed(1)} V${y(p)}`)).join(" ");
    return { family, d: ps.length ? `${d} H${x(until).toFixed(1)}` : "" };
  });
  const ticks = [0, 1, 2, 3].map((i) => new Date(since.getTime() + (i * (until.getTime() - since.getTime())) / 3));
  const changes = points.length;
  const days = Math.round((until.getTime() - since.getTime()) / DAY);
  // <title> and <desc> take one string child (several text nodes break hydration).
  const description =
    changes === 0 ? "No address changes in this period." : `${changes} change${changes === 1 ? "" : "s"} across ${lanes.length} address${lanes.length === 1 ? "" : "es"}.`;
  return (
    <figure className="space-y-3">
      <svg viewBox={`0 0 ${W} ${height}`} role="img" aria-labelledby="ip-chart-title" aria-describedby="ip-chart-desc" className="w-full max-w-3xl">
        <title id="ip-chart-title">{`Address changes over the last ${days} days`}</title>
        <desc id="ip-chart-desc">{description}</desc>
        {lanes.map((lane, i) => (
          <g key={lane}>
            <line x1={LEFT} x2={W - RIGHT} y1={TOP + i * LANE + LANE / 2} y2={TOP + i * LANE + LANE / 2} stroke="#e4e4e7" />
            <text x={LEFT - 8} y={TOP + i * LANE + LANE / 2 + 4} textAnchor="end" fontSize="11" fontFamily="monospace" fill="#3f3f46">
              {lane.split("|")[1]!.length > 24 ? `${lane.split("|")[1]!.slice(0, 23)}…` : lane.split("|")[1]}
            </text>
          </g>
        ))}
        {paths.map((p) => (p.d ? <path key={p.family} d={p.d} fill="none" stroke={COLORS[p.family]} strokeWidth="2" /> : null))}
        {points.map((p, i) => (
          <circle key={i} cx={x(p.at)} cy={y(p)} r="4" fill={COLORS[p.family]}>
            <title>{`${formatTime(p.at)}: ${p.ip}`}</title>
          </circle>
        ))}
        {ticks.map((t, i) => (
          <text key={i} x={x(t)} y={height - 8} textAnchor={i === 0 ? "start" : i === 3 ? "end" : "middle"} fontSize="11" fill="#71717a">
            {dayFmt.format(t)}
          </text>
        ))}
      </svg>
      <details className="text-sm">
        <summary className="cursor-pointer text-zinc-600">The changes as a table</summary>
        <table className="mt-2 text-left text-xs">
          <caption className="sr-only">Address changes</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-6 font-medium">Time</th>
              <th scope="col" className="font-medium">Address</th>
            </tr>
          </thead>
          <tbody>
            {points.map((p, i) => (
              <tr key={i}>
                <td className="pr-6">{formatTime(p.at)}</td>
                <td className="font-mono">{p.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
