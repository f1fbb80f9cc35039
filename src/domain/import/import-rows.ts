// The municipality's CSV exports, row by row: column names in Dutch or English, values checked with zod,
// problems reported as (line, column, reason) in plain Dutch or English. Nothing here touches the database.
import { z } from "zod";
import type { Locale } from "../localized.ts";
import { findInvisibleCharacter } from "../text/invisible-characters.ts";
import { t } from "../../i18n/catalogue/index.ts";

export type ImportKind = "clients" | "staff";

/** Accepted header names (lower case, spaces and punctuation removed) per field. */
const ALIASES: Record<ImportKind, Record<string, string[]>> = {
  clients: {
    externalKey: ["externalkey", "klantnummer", "klantnr", "clientnummer", "clientnumber", "key", "sleutel"],
    displayName: ["displayname", "naam", "name", "weergavenaam"],
    birthYear: ["birthyear", "geboortejaar", "geboortedatum", "birthdate", "dateofbirth"],
    wijk: ["wijk", "neighbourhood", "neighborhood", "district"],
    team: ["team"],
    coach: ["coach", "klantmanager", "consulent"],
  },
  staff: {
    aadObjectId: ["aadobjectid", "entraobjectid", "objectid", "entraid", "azureadobjectid"],
    displayName: ["displayname", "naam", "name"],
    roles: ["roles", "role", "rol", "rollen"],
    team: ["team"],
  },
};

export const REQUIRED: Record<ImportKind, string[]> = {
  clients: ["externalKey", "displayName", "birthYear", "wijk", "team"],
  staff: ["aadObjectId", "displayName", "roles"],
};

/**
 * A free-text field (name, wijk, team): refused when it holds a control, bidirectional or zero-width
 * character. Such a name looks harmless in a spreadsheet and reads differently on screen (U+202E), or
 * makes two names that look the same differ (U+200B). The check runs on the raw value, before trimming.
 */
const text = () =>
  z.string().superRefine((value, ctx) => {
    const found = findInvisibleCharacter(value);
    if (found) ctx.addIssue({ code: "custom", message: `invisible_character:${found}` });
  });

const norm = (h: string) => h.toLowerCase().replace(/[^a-z0-9]/g, "");

/** Maps the file's header to field names; unknown columns are reported, not guessed. */
export function mapHeader(kind: ImportKind, header: string[]): { fields: (string | null)[]; missing: string[]; unknown: string[] } {
  const fields = header.map((h) => Object.entries(ALIASES[kind]).find(([, aliases]) => aliases.includes(norm(h)))?.[0] ?? null);
  return {
    fields,
    missing: REQUIRED[kind].filter((f) => !fields.includes(f)),
    unknown: header.filter((_, i) => fields[i] === null),
  };
}

/** 1980, 03-04-1980, 3-4-1980, 03/04/1980, 1980-04-03 -> 1980 */
export function parseBirthYear(value: string): number | null {
  const v = value.trim();
  const m = v.match(/^(\d{4})$/) ?? v.match(/^\d{1,2}[-/.]\d{1,2}[-/.](\d{4})$/) ?? v.match(/^(\d{4})-\d{2}-\d{2}$/);
  return m ? Number(m[1]) : null;
}

const ROLE_WORDS: Record<string, "COACH" | "TEAM_LEAD" | "SUPERVISOR" | "ADMIN"> = {
  coach: "COACH",
  klantmanager: "COACH",
  consulent: "COACH",
  teamleider: "TEAM_LEAD",
  teamlead: "TEAM_LEAD",
  team_lead: "TEAM_LEAD",
  teamleader: "TEAM_LEAD",
  werkbegeleider: "SUPERVISOR",
  supervisor: "SUPERVISOR",
  begeleider: "SUPERVISOR",
  admin: "ADMIN",
  beheerder: "ADMIN",
  functioneelbeheerder: "ADMIN",
};

export function parseRoles(value: string): ("COACH" | "TEAM_LEAD" | "SUPERVISOR" | "ADMIN")[] | null {
  const parts = value
    .split(/[|+/]/)
    .map((p) => p.trim().toLowerCase().replace(/\s+/g, ""))
    .filter(Boolean);
  if (!parts.length) return null;
  const roles = parts.map((p) => ROLE_WORDS[p]);
  return roles.every(Boolean) ? [...new Set(roles)] : null;
}

export const ClientRow = (thisYear: number) =>
  z.object({
    externalKey: z
      .string()
      .trim()
      .min(1, "required")
      .max(64, "too_long")
      .regex(/^[\w.-]+$/, "invalid_key"),
    displayName: text().trim().min(1, "required").max(120, "too_long"),
    birthYear: z.string().transform((v, ctx) => {
      const y = parseBirthYear(v);
      if (y === null || y < thisYear - 110 || y > thisYear - 15) {
        ctx.addIssue({ code: "custom", message: "invalid_birth_year" });
        return z.NEVER;
      }
      return y;
    }),
    wijk: text().trim().min(1, "required").max(60, "too_long"),
    team: text().trim().min(1, "required").max(60, "too_long"),
    coach: text()
      .trim()
      .max(120, "too_long")
      .optional()
      .transform((v) => v || undefined),
  });
export type ClientRow = z.infer<ReturnType<typeof ClientRow>>;

export const StaffRow = z.object({
  aadObjectId: z
    .string()
    .trim()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "invalid_object_id"),
  displayName: text().trim().min(1, "required").max(120, "too_long"),
  roles: z.string().transform((v, ctx) => {
    const roles = parseRoles(v);
    if (!roles) {
      ctx.addIssue({ code: "custom", message: "invalid_roles" });
      return z.NEVER;
    }
    return roles;
  }),
  team: text()
    .trim()
    .max(60, "too_long")
    .optional()
    .transform((v) => v || undefined),
});
export type StaffRow = z.infer<typeof StaffRow>;

export interface RowProblem {
  line: number;
  column: string;
  reason: string;
}

export function describeProblem(p: RowProblem, locale: Locale): string {
  const [code, arg] = p.reason.split(":");
  const w = t(locale).importRows;
  return w.problem(p.line, p.column, (w.reasons[code] ?? code).replace("{0}", arg ?? ""));
}
