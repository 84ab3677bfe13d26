// Every operator command, in the order `npm run cli -- help` lists them.
import type { CliCommand } from "@/lib/cli/types";
import { tokenCreate } from "@/lib/cli/commands/token";
import { userCreate } from "@/lib/cli/commands/user";
import { zoneAdd, zoneList } from "@/lib/cli/commands/zone";

export const COMMANDS: CliCommand[] = [userCreate, zoneAdd, zoneList, tokenCreate];
