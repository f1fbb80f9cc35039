// The demo municipality's people. Fixed ids, so the Agents Playground config and tests can use them.
export const DEMO_TENANT_ID = "8a2c1b9e-5d4f-4e3a-9b7c-000000000001";

export type DemoRole = "COACH" | "TEAM_LEAD" | "SUPERVISOR" | "ADMIN";

export interface DemoStaff {
  aadObjectId: string;
  displayName: string;
  roles: DemoRole[];
  team: "Noord" | "Zuid-West" | null;
}

const id = (n: number) => `de300000-0000-4000-8000-${String(n).padStart(12, "0")}`;

export const DEMO_STAFF = {
  coachSanne: { aadObjectId: id(101), displayName: "Sanne de Vries", roles: ["COACH"], team: "Noord" },
  coachAhmed: { aadObjectId: id(102), displayName: "Ahmed El Idrissi", roles: ["COACH"], team: "Noord" },
  coachLotte: { aadObjectId: id(103), displayName: "Lotte Bosma", roles: ["COACH"], team: "Noord" },
  coachPieter: { aadObjectId: id(104), displayName: "Pieter Smit", roles: ["COACH"], team: "Zuid-West" },
  coachFatma: { aadObjectId: id(105), displayName: "Fatma Yilmaz", roles: ["COACH"], team: "Zuid-West" },
  coachJoost: { aadObjectId: id(106), displayName: "Joost van der Meer", roles: ["COACH"], team: "Zuid-West" },
  leadMarieke: { aadObjectId: id(201), displayName: "Marieke Hoekstra", roles: ["TEAM_LEAD"], team: "Noord" },
  supervisorJeroen: { aadObjectId: id(301), displayName: "Jeroen Dijkstra", roles: ["SUPERVISOR"], team: "Noord" },
  supervisorAnouk: { aadObjectId: id(302), displayName: "Anouk Mulder", roles: ["SUPERVISOR"], team: "Zuid-West" },
  admin: { aadObjectId: id(901), displayName: "Beheer Trede", roles: ["ADMIN"], team: null },
} satisfies Record<string, DemoStaff>;

export const DEMO_TEAMS = {
  Noord: ["Selwerd", "Lewenborg", "Beijum", "Paddepoel"],
  "Zuid-West": ["Vinkhuizen", "De Wijert", "Corpus den Hoorn", "Hoogkerk"],
} as const;
