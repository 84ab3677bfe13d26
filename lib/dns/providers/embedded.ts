// The "embedded" DNS provider (our own authoritative server, lib/dns/embedded/), re-exported
// beside the other providers.
export { createEmbeddedProvider, type EmbeddedProviderOptions } from "../embedded/provider";
