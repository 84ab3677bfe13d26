// Server action wrappers: check the caller (for userAction), validate the form with the input's
// zod schema, run the service, and map errors once — a 500 never reaches the form.
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import type { Role } from "@/lib/generated/prisma/enums";
import { toAppError } from "@/lib/errors";
import { requestMeta, requireRole, requireUser, type AuthContext } from "@/lib/auth/context";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/validation/form";

type Meta = { ip: string; userAgent: string | null };
type FormAction = (prev: FormState, data: FormData) => Promise<FormState>;

function errorState(err: unknown): FormState {
  unstable_rethrow(err);
  const e = toAppError(err);
  if (e.code === "INTERNAL") console.error("[action]", e.internal);
  return e.field ? { fieldErrors: { [e.field]: e.message } } : { formError: e.message };
}

async function run<S extends z.ZodType>(
  schema: S,
  data: FormData,
  fn: (input: z.output<S>) => Promise<FormState>,
): Promise<FormState> {
  const parsed = schema.safeParse(formValues(data));
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error) };
  try {
    return await fn(parsed.data);
  } catch (err) {
    return errorState(err);
  }
}

/** An action anyone may call (sign-up, forgot password…). */
export function publicAction<S extends z.ZodType>(schema: S, fn: (input: z.output<S>, meta: Meta) => Promise<FormState>): FormAction {
  return async (_prev, data) => {
    const meta = await requestMeta();
    return run(schema, data, (input) => fn(input, meta));
  };
}

/** An action for the signed-in caller; with `roles`, only for those roles (others get a 404). */
export function userAction<S extends z.ZodType>(
  schema: S,
  fn: (input: z.output<S>, ctx: AuthContext & Meta) => Promise<FormState>,
  opts: { roles?: Role[] } = {},
): FormAction {
  return async (_prev, data) => {
    const ctx = opts.roles ? await requireRole(...opts.roles) : await requireUser();
    const meta = await requestMeta();
    return run(schema, data, (input) => fn(input, { ...ctx, ...meta }));
  };
}
