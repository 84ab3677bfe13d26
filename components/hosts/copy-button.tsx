"use client";
// Copies a text to the clipboard and says so (a polite live region), for secrets and configs.
import { useState } from "react";

/** A "Copy" button; `label` names what it copies for assistive technology ("Copy ddclient config"). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<"copied" | "failed" | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setDone("copied");
    } catch {
      setDone("failed");
    }
    setTimeout(() => setDone(null), 2500);
  }
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        onClick={copy}
        aria-label={label}
        className="rounded-md border border-zinc-300 bg-white px-2.5 py-1 text-xs font-medium text-zinc-700 shadow-sm hover:bg-zinc-50"
      >
        Copy
      </button>
      <span role="status" className="text-xs text-zinc-500">
        {done === "copied" ? "Copied" : done === "failed" ? "Select the text and copy it yourself" : ""}
      </span>
    </span>
  );
}
