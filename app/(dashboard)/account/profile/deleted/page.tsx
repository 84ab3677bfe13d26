// GET /account/profile/deleted — where a deleted account lands (signed out).
import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Account deleted" };

export default function AccountDeletedPage() {
  return (
    <div className="mx-auto max-w-md py-12 text-center">
      <h1 className="text-2xl font-semibold tracking-tight">Your account was deleted</h1>
      <p className="mt-2 text-sm text-zinc-600">Its hostnames have left DNS. Thank you for using dynhost.</p>
      <Link href="/" className="mt-6 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to the home page
      </Link>
    </div>
  );
}
