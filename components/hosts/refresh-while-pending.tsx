"use client";
// Re-renders the page every second while a change waits for DNS, so "Pending DNS sync" turns into
// "Live in DNS" by itself (for at most two minutes).
import { useRouter } from "next/navigation";
import { useEffect } from "react";

/** Renders nothing; refreshes while `pending`. */
export function RefreshWhilePending({ pending }: { pending: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (!pending) return;
    let left = 120;
    const timer = setInterval(() => {
      if (--left <= 0) clearInterval(timer);
      router.refresh();
    }, 1000);
    return () => clearInterval(timer);
  }, [pending, router]);
  return null;
}
