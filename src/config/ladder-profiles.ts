// Loads and validates the ladder profiles in ladders/*.json at start. A broken file stops the start with
// a message naming the file and every wrong field.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseLadderProfile, type LadderProfileData } from "../domain/ladder/ladder-profile.ts";
import { toLadderView } from "../domain/ladder/to-ladder-view.ts";
import type { LadderView } from "../domain/debrief/ladder-view.ts";

export const LADDERS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../ladders");
export const DEFAULT_PROFILE_ID = "participatieladder-6";

export interface LadderProfiles {
  all: LadderProfileData[];
  /** Throws for an unknown id: a team configured with a missing profile is a setup error. */
  get(id: string): LadderProfileData;
  view(id: string): LadderView;
  default: LadderProfileData;
}

export function loadLadderProfiles(dir = LADDERS_DIR): LadderProfiles {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort();
  const all = files.map((f) => {
    const file = path.join(dir, f);
    let data: unknown;
    try {
      data = JSON.parse(readFileSync(file, "utf8"));
    } catch (e) {
      throw new Error(`ladder profile ${file} is not valid JSON: ${(e as Error).message}`);
    }
    const profile = parseLadderProfile(data, file);
    if (`${profile.id}.json` !== f) throw new Error(`ladder profile ${file}: id "${profile.id}" must match the file name`);
    // the database checks substeps against the top rung it reads from this suffix (migration substep_belongs_to_rung)
    const suffix = /-(\d+)$/.exec(profile.id);
    if (suffix && Number(suffix[1]) !== profile.rungs.length)
      throw new Error(`ladder profile ${file}: id "${profile.id}" ends in ${suffix[1]} but the profile has ${profile.rungs.length} rungs`);
    return profile;
  });
  const byId = new Map(all.map((p) => [p.id, p]));
  const views = new Map(all.map((p) => [p.id, toLadderView(p)]));
  const get = (id: string) => {
    const p = byId.get(id);
    if (!p) throw new Error(`unknown ladder profile "${id}" (known: ${[...byId.keys()].join(", ")})`);
    return p;
  };
  return { all, get, view: (id) => views.get(get(id).id)!, default: get(DEFAULT_PROFILE_ID) };
}
