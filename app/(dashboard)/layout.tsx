// Signed-in pages: a wider column. Each page still calls requireUser() itself.
import type { ReactNode } from "react";

export default function DashboardLayout({ children }: { children: ReactNode }) {
  return <div className="mx-auto w-full max-w-5xl px-4 py-10">{children}</div>;
}
