// An optional expiry date typed in a date field ("2027-03-01"): the key or token stops working at
// the end of that day (UTC). Client-safe.
import { z } from "zod";

/** "" → null; "YYYY-MM-DD" in the future → that day's 23:59:59.999 UTC. */
export const expiryDateField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (!v) return null;
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
    const at = m ? new Date(`${v}T23:59:59.999Z`) : null;
    if (!at || Number.isNaN(at.getTime()) || at.toISOString().slice(0, 10) !== v) {
      ctx.addIssue({ code: "custom", message: "Enter a date like 2027-03-01." });
      return z.NEVER;
    }
    if (at.getTime() <= Date.now()) {
      ctx.addIssue({ code: "custom", message: "The expiry must be in the future." });
      return z.NEVER;
    }
    return at;
  });
