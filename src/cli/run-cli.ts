// The command registry behind `npm run trede -- <command> ...`. Add a command: one file in commands/, one line here.
import { CliUsageError, type CliCommand, type CliIo } from "./command.ts";
import { clientCommand, teamCommand } from "./commands/admin.ts";
import { classifyCommand } from "./commands/classify.ts";
import { auditCommand, dbCommand } from "./commands/database.ts";
import { exportCommand, importCommand } from "./commands/import-export.ts";
import { digestCommand, nudgesCommand } from "./commands/notifications.ts";

const commands: Record<string, CliCommand> = {
  classify: classifyCommand,
  import: importCommand,
  export: exportCommand,
  client: clientCommand,
  team: teamCommand,
  nudges: nudgesCommand,
  digest: digestCommand,
  db: dbCommand,
  audit: auditCommand,
};

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? commands[name] : undefined;
  if (!command) {
    io.stderr.write(`${name && name !== "help" ? `unknown command: ${name}\n\n` : ""}usage: npm run trede -- <command>\n\n`);
    for (const [n, c] of Object.entries(commands)) io.stderr.write(`  ${n.padEnd(10)} ${c.summary}\n`);
    return name && name !== "help" ? 2 : 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof CliUsageError) {
      io.stderr.write(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
