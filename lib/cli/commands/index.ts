// Every operator command, in the order `npm run cli -- help` lists them.
import type { CliCommand } from "@/lib/cli/types";
import { dnsFailed, dnsReconcile } from "@/lib/cli/commands/dns";
import { hostCreate } from "@/lib/cli/commands/host";
import { keyCreate, keyList, keyRevoke } from "@/lib/cli/commands/key";
import { recordSet } from "@/lib/cli/commands/record";
import { tokenCreate } from "@/lib/cli/commands/token";
import { userCreate, userPlan } from "@/lib/cli/commands/user";
import { zoneAdd, zoneList } from "@/lib/cli/commands/zone";
import { agentList, agentRemove, agentSet } from "@/lib/cli/commands/agent";

export const COMMANDS: CliCommand[] = [
  userCreate,
  userPlan,
  zoneAdd,
  zoneList,
  hostCreate,
  recordSet,
  keyCreate,
  keyList,
  keyRevoke,
  tokenCreate,
  dnsReconcile,
  dnsFailed,
  agentSet,
  agentList,
  agentRemove,
];
