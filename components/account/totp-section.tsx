// The two-factor authentication panel of /account/security (server component).
import { ActionButton } from "@/components/forms/action-button";
import { TotpCodeForm } from "@/components/account/totp-code-form";
import { formatTime } from "@/components/account/format-time";
import { Card } from "@/components/ui/card";
import type { TotpSetup } from "@/lib/auth/totp-settings";
import type { FormState } from "@/lib/validation/form";

type Action = (prev: FormState, data: FormData) => Promise<FormState>;
type Status = { state: "enabled"; since: Date } | { state: "pending"; setup: TotpSetup } | { state: "off" };

/** TOTP off → set up; pending → secret, URI and confirm; on → turn off (not for staff). */
export function TotpSection(props: { status: Status; staff: boolean; actions: { start: Action; confirm: Action; disable: Action } }) {
  const { status, staff, actions } = props;
  return (
    <Card
      title="Two-factor authentication"
      description="A 6-digit code from an authenticator app, asked for at every sign-in. Required for staff."
    >
      {status.state === "off" ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-700">Two-factor authentication is off.</p>
          <ActionButton action={actions.start} label="Set up two-factor authentication" variant="primary" />
        </div>
      ) : null}
      {status.state === "pending" ? (
        <div className="space-y-4">
          <p className="text-sm text-zinc-700">
            Add this key to your authenticator app (or open the link on your phone), then enter the code it shows.
          </p>
          <dl className="space-y-3 text-sm">
            <div>
              <dt className="font-medium text-zinc-800">Secret key</dt>
              <dd>
                <code data-testid="totp-secret" className="mt-1 inline-block rounded bg-zinc-100 px-2 py-1 font-mono tracking-wider">
                  {status.setup.secret}
                </code>
              </dd>
            </div>
            <div>
              <dt className="font-medium text-zinc-800">Setup link</dt>
              <dd>
                <a href={status.setup.uri} className="mt-1 inline-block break-all font-mono text-xs text-indigo-700 hover:underline">
                  {status.setup.uri}
                </a>
              </dd>
            </div>
          </dl>
          <TotpCodeForm action={actions.confirm} submitLabel="Turn on" formLabel="Confirm two-factor authentication" />
        </div>
      ) : null}
      {status.state === "enabled" ? (
        <div className="space-y-4">
          <p className="text-sm text-zinc-700">Two-factor authentication is on since {formatTime(status.since)}.</p>
          {staff ? (
            <p className="text-sm text-zinc-500">Staff accounts keep it on.</p>
          ) : (
            <TotpCodeForm action={actions.disable} submitLabel="Turn off" formLabel="Turn off two-factor authentication" variant="danger" />
          )}
        </div>
      ) : null}
    </Card>
  );
}
