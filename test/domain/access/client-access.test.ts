import { describe, expect, it } from "vitest";
import type { Actor, Role } from "../../../src/domain/access/actor.ts";
import { decideClientRead, type ClientAccessFacts } from "../../../src/domain/access/client-access.ts";

const actor = (roles: Role[], teamId: string | null, staffId = "me"): Actor => ({
  staffId,
  tenantId: "t",
  aadObjectId: `aad-${staffId}`,
  displayName: "X",
  roles,
  teamId,
});
const client = (over: Partial<ClientAccessFacts> = {}): ClientAccessFacts => ({
  id: "c1",
  teamId: "noord",
  coachId: "me",
  erased: false,
  closed: false,
  ...over,
});

describe("who may see a client", () => {
  it.each([
    ["a coach: their own client", actor(["COACH"], "noord"), client(), true],
    ["a coach: a colleague's client in the same team", actor(["COACH"], "noord"), client({ coachId: "other" }), false],
    ["a coach: a client without a coach", actor(["COACH"], "noord"), client({ coachId: null }), false],
    ["a coach: their own client after it moved to another team", actor(["COACH"], "noord"), client({ teamId: "zuid" }), true],
    ["a coach without a team: their own client", actor(["COACH"], null), client(), true],
    ["a supervisor: any client of the team", actor(["SUPERVISOR"], "noord", "sup"), client({ coachId: "other" }), true],
    ["a supervisor: a client of another team", actor(["SUPERVISOR"], "noord", "sup"), client({ teamId: "zuid" }), false],
    ["a team lead: any client of the team", actor(["TEAM_LEAD"], "noord", "lead"), client({ coachId: null }), true],
    [
      "a team lead: a client of another team, even one they coach",
      actor(["TEAM_LEAD"], "noord", "lead"),
      client({ teamId: "zuid", coachId: "lead" }),
      false,
    ],
    ["a team lead without a team: only clients they coach", actor(["TEAM_LEAD"], null, "lead"), client({ coachId: "other" }), false],
    ["an admin: any client", actor(["ADMIN"], null, "admin"), client({ teamId: "zuid", coachId: null }), true],
    ["an admin: an erased client", actor(["ADMIN"], null, "admin"), client({ erased: true }), false],
    ["a coach: their own erased client", actor(["COACH"], "noord"), client({ erased: true }), false],
    ["a coach: their own closed client (history stays readable)", actor(["COACH"], "noord"), client({ closed: true }), true],
    ["someone with no roles: a client they are set as coach of", actor([], "noord"), client(), true],
    ["someone with no roles: a team client", actor([], "noord"), client({ coachId: "other" }), false],
  ] as [string, Actor, ClientAccessFacts, boolean][])("%s", (_label, who, facts, allowed) => {
    expect(decideClientRead(who, facts).allowed).toBe(allowed);
  });

  it("says why it refused, without anything about the person", () => {
    expect(decideClientRead(actor(["ADMIN"], null), client({ erased: true }))).toEqual({
      allowed: false,
      reason: "erased",
    });
    expect(decideClientRead(actor(["COACH"], "noord"), client({ coachId: "other" }))).toEqual({
      allowed: false,
      reason: "outside_scope",
    });
  });
});
