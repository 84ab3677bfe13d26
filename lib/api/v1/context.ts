// The typed context every v1 handler sees: the verified token's principal.
import type { ApiPrincipal } from "@/lib/tokens/verify-api-token";

export type V1Env = { Variables: { principal: ApiPrincipal } };
