// What the model gate (src/ai/model-gate.ts) reads from the database: whether a person's team lets free
// text go to a model, and every name and number the municipality knows, so that they can be denied.
import type { Actor } from "../../domain/access/actor.ts";
import type { PrismaClient } from "../../generated/prisma/client.ts";

export function createModelSettings(prisma: PrismaClient) {
  let cached: { version: string; known: { names: string[]; clientNumbers: string[]; wijken: string[]; teams: string[] } } | undefined;
  return {
    /**
     * A member of a team: that team's notes-to-model setting. Without a team (an administrator, whose
     * questions span every team): only when every team allows it. Default: no.
     */
    async allowsFreeText(actor: Actor): Promise<boolean> {
      if (actor.teamId) {
        const team = await prisma.team.findUnique({ where: { id: actor.teamId }, select: { allowNotesToModel: true } });
        return team?.allowNotesToModel === true;
      }
      const [teams, refusing] = await Promise.all([prisma.team.count(), prisma.team.count({ where: { allowNotesToModel: false } })]);
      return teams > 0 && refusing === 0;
    },

    /** Loaded again only when clients, staff or teams changed (an import, an erasure, a new team). */
    async knownIdentifiers() {
      const [clients, staff, teams] = await Promise.all([
        prisma.client.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
        prisma.staff.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
        prisma.team.aggregate({ _count: { _all: true }, _max: { updatedAt: true } }),
      ]);
      const version = [clients, staff, teams].map((a) => `${a._count._all}@${a._max.updatedAt?.getTime() ?? 0}`).join("/");
      if (cached?.version !== version) {
        const [c, s, t] = await Promise.all([
          prisma.client.findMany({ select: { displayName: true, externalKey: true, wijk: true } }),
          prisma.staff.findMany({ select: { displayName: true } }),
          prisma.team.findMany({ select: { name: true } }),
        ]);
        cached = {
          version,
          known: {
            names: [...c.map((r) => r.displayName), ...s.map((r) => r.displayName)],
            clientNumbers: c.map((r) => r.externalKey),
            wijken: [...new Set(c.map((r) => r.wijk))],
            teams: t.map((r) => r.name),
          },
        };
      }
      return cached;
    },
  };
}
