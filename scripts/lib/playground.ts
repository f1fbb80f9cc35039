// Starts the Microsoft 365 Agents Playground (a Teams-like web client, npm devDependency) against a bot
// endpoint, with demo staff as its users so their Entra object ids map to Trede roles.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";

export interface PlaygroundUser {
  aadObjectId: string;
  name: string;
}

export interface Playground {
  url: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const yamlString = (s: string) => JSON.stringify(s);

/** Writes .m365agentsplayground.yml; the playground wants exactly five users besides the current one. */
export function writePlaygroundConfig(
  dir: string,
  options: {
    tenantId: string;
    currentUser: PlaygroundUser;
    users: PlaygroundUser[] /** distinct per playground on one bot */;
    chatId?: string;
  },
): string {
  const user = (u: PlaygroundUser, i: number, indent: string) => {
    const [given, ...rest] = u.name.split(" ");
    const handle = u.name
      .toLowerCase()
      .replace(/[^a-z]+/g, ".")
      .replace(/^\.|\.$/g, "");
    return [
      `${indent}id: ${yamlString(`user-${i}`)}`,
      `${indent}name: ${yamlString(u.name)}`,
      `${indent}userPrincipleName: ${yamlString(`${handle}@gemeente.example`)}`,
      `${indent}aadObjectId: ${yamlString(u.aadObjectId)}`,
      `${indent}givenName: ${yamlString(given ?? u.name)}`,
      `${indent}surname: ${yamlString(rest.join(" ") || u.name)}`,
      `${indent}email: ${yamlString(`${handle}@gemeente.example`)}`,
    ].join("\n");
  };
  if (options.users.length !== 5) throw new Error("the Agents Playground needs exactly five users besides the current user");
  const yml = [
    'version: "0.1.1"',
    `tenantId: ${yamlString(options.tenantId)}`,
    "bot:",
    `  id: "00000000-0000-4000-8000-00000000b07e"`,
    `  name: "Trede"`,
    "currentUser:",
    user(options.currentUser, 0, "  "),
    "users:",
    ...options.users.map((u, i) => `  -\n${user(u, i + 1, "    ")}`),
    "personalChat:",
    // playgrounds that talk to one bot at once need their own conversation ids, or they share turn state
    `  id: ${yamlString(options.chatId ? `personal-${options.chatId}` : "__PERSONAL_CHAT_ID__")}`,
    "groupChat:",
    `  id: ${yamlString(options.chatId ? `group-${options.chatId}` : "__GROUP_CHAT_ID__")}`,
    '  name: "Team Noord overleg"',
    "team:",
    "  id: team-id",
    '  name: "Werk en Inkomen"',
    '  aadGroupId: "00000000-0000-4000-8000-0000000000a1"',
    "  channels:",
    "    - id: channel-caseload-id",
    '      name: "Caseload"',
    "",
  ].join("\n");
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, ".m365agentsplayground.yml");
  writeFileSync(file, yml);
  return file;
}

/** Starts the playground; resolves once it answers /_debug/ping, with the port it really chose. */
export async function startPlayground(options: {
  configFile: string;
  botEndpoint: string;
  port?: number;
  cwd: string;
  log?: (line: string) => void;
}): Promise<Playground> {
  const bin = path.resolve("node_modules/.bin/agentsplayground");
  const child = spawn(bin, ["-p", String(options.port ?? 56150), "-e", options.botEndpoint, "-c", "msteams", "--dt"], {
    cwd: options.cwd,
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: "none", M365_AGENTS_PLAYGROUND_CONFIG_PATH: options.configFile },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("the Agents Playground did not start within 30 s (see devTools/m365agentsplayground.log)")),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      for (const line of String(chunk).split("\n")) {
        if (line.trim()) options.log?.(line);
        const m = line.match(/Listening on (\d+)/);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the Agents Playground exited (${code}); see ${path.join(options.cwd, "devTools/m365agentsplayground.log")}`));
    });
  });
  const url = `http://127.0.0.1:${port}`;
  // it prints "Listening" before it has read its config; an invalid config makes it exit right after
  for (let i = 0; ; i++) {
    if (child.exitCode !== null)
      throw new Error(
        `the Agents Playground exited (${child.exitCode}); see ${path.join(options.cwd, "devTools/m365agentsplayground.log")}`,
      );
    if (
      await fetch(`${url}/_debug/ping`).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    if (i > 100) throw new Error("the Agents Playground did not answer /_debug/ping within 20 s");
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    process: child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
