// Small, explicit fixtures for tests that should not depend on the demo seed.
import type { PrismaClient } from "../../src/generated/prisma/client.ts";
import { TEST_TENANT } from "./bot-harness.ts";

export async function createTeamWithStaff(prisma: PrismaClient, name = "Noord") {
  const team = await prisma.team.create({ data: { name } });
  const mk = (aadObjectId: string, displayName: string, roles: ("COACH" | "TEAM_LEAD" | "SUPERVISOR" | "ADMIN")[]) =>
    prisma.staff.create({ data: { tenantId: TEST_TENANT, aadObjectId, displayName, roles, teamId: team.id } });
  const coach = await mk(`coach-${name}`, `Coach ${name}`, ["COACH"]);
  const supervisor = await mk(`supervisor-${name}`, `Werkbegeleider ${name}`, ["SUPERVISOR"]);
  const lead = await mk(`lead-${name}`, `Teamleider ${name}`, ["TEAM_LEAD"]);
  return { team, coach, supervisor, lead };
}
