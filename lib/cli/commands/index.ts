// Every operator command, in the order `npm run cli -- help` lists them.
import type { CliCommand } from "@/lib/cli/types";
import { zoneAdd, zoneList } from "@/lib/cli/commands/zone";

export const COMMANDS: CliCommand[] = [zoneAdd, zoneList];
