// Who is acting, and what they may see. Roles come from the database (Staff.roles), never from a card.
export type Role = "COACH" | "TEAM_LEAD" | "SUPERVISOR" | "ADMIN";

export interface Actor {
  staffId: string;
  tenantId: string;
  aadObjectId: string;
  displayName: string;
  roles: Role[];
  teamId: string | null;
}

/** The part of the caseload an actor may see; applied inside every repository query. */
export type CaseloadScope = { kind: "coach"; staffId: string } | { kind: "team"; teamId: string } | { kind: "all" };

export function hasRole(actor: Actor, role: Role): boolean {
  return actor.roles.includes(role);
}

/** Admin: everything; team lead or supervisor: their team; otherwise (coach): their own clients. */
export function caseloadScopeOf(actor: Actor): CaseloadScope {
  if (hasRole(actor, "ADMIN")) return { kind: "all" };
  if ((hasRole(actor, "TEAM_LEAD") || hasRole(actor, "SUPERVISOR")) && actor.teamId) return { kind: "team", teamId: actor.teamId };
  return { kind: "coach", staffId: actor.staffId };
}
