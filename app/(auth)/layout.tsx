// Sign-up, sign-in and recovery pages: one narrow centred column.
import type { ReactNode } from "react";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto w-full max-w-md px-4 py-12">{children}</div>;
}
