"use client";
// Generated router and client settings (lib/setup/client-configs.ts) as tabs, each with a copy
// button. Rendered in the browser so that a key created a moment ago fills them in without the
// secret ever being stored or put in a URL.
import { useState } from "react";
import { clientConfigs, KEY_PLACEHOLDER } from "@/lib/setup/client-configs";
import { CopyButton } from "./copy-button";

type Props = { baseUrl: string; fqdn: string; secret: string | null };

/** Tabs: ddclient, inadyn, Fritz!Box, pfSense, OPNsense, Synology, UniFi, curl. */
export function SetupConfigs({ baseUrl, fqdn, secret }: Props) {
  const configs = clientConfigs({ baseUrl, fqdn, secret });
  const [current, setCurrent] = useState<string>(configs[0]!.id);
  const shown = configs.find((c) => c.id === current) ?? configs[0]!;
  const move = (step: number) => {
    const i = configs.findIndex((c) => c.id === shown.id);
    const next = configs[(i + step + configs.length) % configs.length]!;
    setCurrent(next.id);
    document.getElementById(`setup-tab-${next.id}`)?.focus();
  };
  return (
    <div className="space-y-3">
      {secret ? null : (
        <p className="text-sm text-zinc-600">
          Replace <code className="font-mono text-zinc-900">{KEY_PLACEHOLDER}</code> with one of this host&apos;s update keys (we only show a key once, when it
          is created).
        </p>
      )}
      <div role="tablist" aria-label="Update client" className="flex flex-wrap gap-1 border-b border-zinc-200">
        {configs.map((c) => (
          <button
            key={c.id}
            id={`setup-tab-${c.id}`}
            type="button"
            role="tab"
            aria-selected={c.id === shown.id}
            aria-controls={`setup-panel-${c.id}`}
            tabIndex={c.id === shown.id ? 0 : -1}
            onClick={() => setCurrent(c.id)}
            onKeyDown={(e) => {
              if (e.key === "ArrowRight") move(1);
              if (e.key === "ArrowLeft") move(-1);
            }}
            className={`-mb-px border-b-2 px-3 py-1.5 text-sm font-medium ${c.id === shown.id ? "border-indigo-600 text-indigo-700" : "border-transparent text-zinc-600 hover:text-zinc-900"}`}
          >
            {c.title}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`setup-panel-${shown.id}`} aria-labelledby={`setup-tab-${shown.id}`} className="space-y-2">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="text-sm text-zinc-600">{shown.where}</p>
          <CopyButton text={shown.text} label={`Copy ${shown.title} config`} />
        </div>
        <pre aria-label={`${shown.title} config`} className="overflow-x-auto rounded-md bg-zinc-900 p-4 font-mono text-xs leading-relaxed text-zinc-100">
          {shown.text}
        </pre>
      </div>
    </div>
  );
}
