// Validates a Teams app manifest offline against the schema shipped in @microsoft/app-manifest.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { ErrorObject } from "ajv";

// CommonJS packages whose default export TypeScript's NodeNext interop types as the module object
const require = createRequire(import.meta.url);
const Ajv4 = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;

const SCHEMA = path.resolve(
  import.meta.dirname,
  "../../node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.24/MicrosoftTeams.schema.json",
);

export function validateTeamsManifest(manifest: unknown): string[] {
  const ajv = new Ajv4({ strict: false, allErrors: true });
  addFormats(ajv);
  const validate = ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
  return validate(manifest) ? [] : (validate.errors ?? []).map((e: ErrorObject) => `${e.instancePath || "/"} ${e.message}`);
}
