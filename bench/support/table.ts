// The results table printed at the end of `npm run bench`: one row per result, aligned columns.
import type { Goal, Result } from "../types";

const OPS: Record<Goal["op"], string> = { "<=": "≤", ">=": "≥" };

/** A number with a precision that suits its size (12 345, 123.4, 1.23, 0.012). */
export function formatNumber(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1000) return Math.round(n).toLocaleString("en-US").replace(/,/g, " ");
  if (abs >= 100 || Number.isInteger(n)) return n.toFixed(0);
  if (abs >= 10) return n.toFixed(1);
  if (abs >= 1) return n.toFixed(2);
  if (abs === 0) return "0";
  return n.toPrecision(2);
}

export function formatGoal(goal: Goal | null, unit: string): string {
  return goal ? `${OPS[goal.op]} ${formatNumber(goal.value)} ${unit}` : "";
}

function cells(r: Result): string[] {
  const value = r.value === null ? "—" : `${formatNumber(r.value)} ${r.unit}`;
  const met = r.met === null ? "" : r.met ? "yes" : "NO";
  const ref = r.reference ? `${r.reference.name} ${formatNumber(r.reference.value)} ${r.reference.unit}` : "";
  const ratio = r.ratio === undefined ? "" : `${formatNumber(r.ratio)}×`;
  return [r.name, value, formatGoal(r.goal, r.unit), met, ref, ratio, r.note ?? ""];
}

/** The table as text (header, rule, rows); the last column (notes) is not padded. */
export function renderTable(results: Result[]): string {
  const rows = [["benchmark", "value", "goal", "met", "reference", "ratio", "note"], ...results.map(cells)];
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => [...r[c]!].length)));
  const line = (r: string[]) =>
    r.map((cell, c) => (c === r.length - 1 ? cell : cell + " ".repeat(widths[c]! - [...cell].length))).join("  ").trimEnd();
  const rule = widths.map((w, c) => "-".repeat(c === widths.length - 1 ? Math.max(4, Math.min(w, 20)) : w)).join("  ");
  return [line(rows[0]!), rule, ...rows.slice(1).map(line)].join("\n");
}
