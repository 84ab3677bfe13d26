// 404 — also what non-staff see for staff pages.
import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md px-4 py-24 text-center">
      <p className="text-sm font-semibold text-indigo-600">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight">Page not found</h1>
      <p className="mt-2 text-sm text-zinc-600">There is nothing at this address.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to the home page
      </Link>
    </div>
  );
}
