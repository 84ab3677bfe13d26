// Public surface of lib/updates for the rest of the app.
export { updateRoutes } from "./routes";
export { drainUpdateEvents, flushUpdateEvents } from "./events";
export { listClientBlocks, liftClientBlock } from "./client-blocks";
export { setAgentPolicy, removeAgentPolicy, listAgentPolicies } from "./agent-policy-admin";
