"use client";
// Shown once, right after a key is created: the secret (never shown again) and, for a host's key,
// the router settings filled in with it.
import { Alert } from "@/components/ui/alert";
import { CopyButton } from "./copy-button";
import { SetupConfigs } from "./setup-configs";

type Props = { secret: string; setup: { baseUrl: string; fqdn: string } | null };

/** The new key and what to do with it. */
export function NewKeyPanel({ secret, setup }: Props) {
  return (
    <div className="space-y-4">
      <Alert tone="success">Your new update key is below. Copy it now: we store only a hash, so it cannot be shown again.</Alert>
      <div className="flex flex-wrap items-center gap-3">
        <code aria-label="New update key" className="break-all rounded-md bg-zinc-100 px-3 py-2 font-mono text-sm text-zinc-900">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy the update key" />
      </div>
      {setup ? (
        <section aria-labelledby="new-key-setup" className="space-y-2">
          <h3 id="new-key-setup" className="text-sm font-semibold text-zinc-900">
            Router setup with this key
          </h3>
          <SetupConfigs baseUrl={setup.baseUrl} fqdn={setup.fqdn} secret={secret} />
        </section>
      ) : null}
    </div>
  );
}
