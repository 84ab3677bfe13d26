"use client";
// Signs this browser out: next-auth clears the cookie and its signOut event revokes the Session row.
import { signOut } from "next-auth/react";
import { useState } from "react";

/** The header's "Sign out" button. */
export function SignOutButton() {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      onClick={async () => {
        setPending(true);
        await signOut({ redirect: false });
        window.location.assign("/signin?notice=signed-out");
      }}
      className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium text-zinc-700 hover:bg-zinc-50"
    >
      Sign out
    </button>
  );
}
