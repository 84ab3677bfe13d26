// The site header: product name, navigation for the caller's role, and the signed-in state.
import Link from "next/link";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { currentUser } from "@/lib/auth/context";
import { isStaff } from "@/lib/auth/roles";

const linkClass = "rounded-md px-3 py-2 text-sm font-medium text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900";

/** Header shown on every page. */
export async function SiteHeader() {
  const me = await currentUser();
  return (
    <header className="border-b border-zinc-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight text-zinc-900">
          <span aria-hidden className="inline-block h-6 w-6 rounded-md bg-indigo-600" />
          dynhost
        </Link>
        <nav aria-label="Main" className="flex items-center gap-1">
          {me ? (
            <>
              <Link href="/dashboard" className={linkClass}>
                Dashboard
              </Link>
              <Link href="/account/security" className={linkClass}>
                Security
              </Link>
              {isStaff(me.role) ? (
                <Link href="/admin" className={linkClass}>
                  Staff console
                </Link>
              ) : null}
              <span className="hidden px-2 text-sm text-zinc-500 sm:inline" data-testid="signed-in-as">
                {me.user.email}
              </span>
              <SignOutButton />
            </>
          ) : (
            <>
              <Link href="/signin" className={linkClass}>
                Sign in
              </Link>
              <Link href="/signup" className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-medium text-white hover:bg-indigo-500">
                Create account
              </Link>
            </>
          )}
        </nav>
      </div>
    </header>
  );
}
