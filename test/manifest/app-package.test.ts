import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { decodePng } from "../../scripts/lib/png.ts";
import { validateTeamsManifest } from "../../scripts/lib/teams-manifest.ts";

const template = readFileSync("manifest/manifest.json", "utf8");
const env = {
  MICROSOFT_APP_ID: "11111111-2222-4333-8444-555555555555",
  BOT_DOMAIN: "trede.groningen.nl",
  PRIVACY_URL: "https://gemeente.groningen.nl/privacy",
  TERMS_URL: "https://gemeente.groningen.nl/voorwaarden",
};

function packageApp(extra: Record<string, string>) {
  const { PATH, HOME } = process.env;
  return spawnSync(process.execPath, ["--import", "tsx", "scripts/package-app.ts"], {
    env: { PATH, HOME, ...extra },
    encoding: "utf8",
  });
}

describe("Teams app package", () => {
  it("commits no ids: the manifest is a template with placeholders", () => {
    expect(template).toContain("${{MICROSOFT_APP_ID}}");
    expect(template).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i);
  });

  it("has a bot in personal, team and group chat with the four commands, Dutch name and description", () => {
    const m = JSON.parse(template);
    expect(m.bots[0].scopes).toEqual(["personal", "team", "groupChat"]);
    expect(m.bots[0].commandLists[0].commands.map((c: { title: string }) => c.title)).toEqual(["verslag", "beoordelen", "vraag", "hulp"]);
    expect(m.description.short).toMatch(/huisbezoek/);
  });

  it("refuses with a clear message naming every missing value", () => {
    const r = packageApp({ BOT_DOMAIN: "https://oops.example" });
    expect(r.status).toBe(2);
    for (const name of ["MICROSOFT_APP_ID: required", "BOT_DOMAIN: must be a host name", "PRIVACY_URL: required", "TERMS_URL: required"])
      expect(r.stderr).toContain(name);
  });

  it("writes a zip whose manifest has the app id and URLs filled in and passes the official schema", () => {
    const r = packageApp(env);
    expect(r.status, r.stderr).toBe(0);
    const zip = "build/trede-0.1.0.zip";
    expect(execFileSync("unzip", ["-Z1", zip], { encoding: "utf8" }).trim().split("\n").sort()).toEqual([
      "color.png",
      "manifest.json",
      "outline.png",
    ]);
    const manifest = JSON.parse(execFileSync("unzip", ["-p", zip, "manifest.json"], { encoding: "utf8" }));
    expect(manifest.id).toBe(env.MICROSOFT_APP_ID);
    expect(manifest.bots[0].botId).toBe(env.MICROSOFT_APP_ID);
    expect(manifest.validDomains).toEqual(["trede.groningen.nl"]);
    expect(manifest.developer.privacyUrl).toBe(env.PRIVACY_URL);
    expect(validateTeamsManifest(manifest)).toEqual([]);
    execFileSync("unzip", ["-q", "-t", zip]); // CRCs and structure are valid
  });

  it("the schema check catches a broken manifest", () => {
    const broken = JSON.parse(template.replace(/\$\{\{\w+\}\}/g, "x"));
    expect(validateTeamsManifest(broken).length).toBeGreaterThan(0);
  });

  it("has icons that follow Teams' rules: colour 192x192, outline 32x32 white on transparent", () => {
    const color = decodePng(readFileSync("manifest/color.png"));
    expect([color.width, color.height]).toEqual([192, 192]);
    const outline = decodePng(readFileSync("manifest/outline.png"));
    expect([outline.width, outline.height, outline.colorType]).toEqual([32, 32, 6]);
    let white = 0;
    for (let i = 0; i < outline.pixels.length; i += 4) {
      const [r, g, b, a] = outline.pixels.subarray(i, i + 4);
      expect(a === 0 || a === 255).toBe(true);
      if (a === 255) {
        expect([r, g, b]).toEqual([255, 255, 255]);
        white++;
      }
    }
    expect(white).toBeGreaterThan(50); // there is a drawing, not just transparency
  });
});
