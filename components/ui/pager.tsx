// Newest / older links under a keyset-paginated list (newest first): `?cursor=` carries the page.
import Link from "next/link";

const linkClass = "font-medium text-indigo-700 hover:underline";

/** "← Newest" when not on the first page, "Older →" when there is a next page. */
export function Pager({ basePath, cursor, nextCursor }: { basePath: string; cursor: string | null; nextCursor: string | null }) {
  return (
    <nav aria-label="Pages" className="mt-4 flex justify-between text-sm">
      {cursor ? (
        <Link href={basePath} className={linkClass}>
          ← Newest
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link href={`${basePath}?cursor=${encodeURIComponent(nextCursor)}`} className={linkClass}>
          Older →
        </Link>
      ) : null}
    </nav>
  );
}
