// Fast table tests of "ask a caseload question" against the in-memory fake of the store port, whose
// caseload part is canned: what the use case asks the store (scope, page), which reading it uses (model or
// interpreter), what it refuses, what it audits and which clients it lets through.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import type { Actor, Role } from "../../src/domain/access/actor.ts";
import type { CaseloadQuery } from "../../src/domain/caseload/caseload-query.ts";
import type { CaseloadResult, ClientLine } from "../../src/domain/caseload/caseload-result.ts";
import { askCaseloadQuestion, type AskCaseloadDeps, type CaseloadModel } from "../../src/use-cases/ask-caseload-question.ts";
import { addPerson, createFakeStore, newTeam } from "../support/fake-store.ts";

const TODAY = new Date("2026-11-22T10:00:00Z");

function world() {
  const store = createFakeStore();
  const noord = newTeam("Noord");
  const zuid = newTeam("Zuid");
  store.data.teams.push(noord, zuid);
  const person = (name: string, roles: Role[], teamId: string | null): Actor => addPerson(store, name, roles, teamId);
  const coach = person("Coach Noord", ["COACH"], noord.id);
  const lead = person("Teamleider Noord", ["TEAM_LEAD"], noord.id);
  const admin = person("Beheer", ["ADMIN"], null);
  store.data.caseload.vocabulary = {
    wijken: ["Selwerd"],
    teams: ["Noord"],
    coaches: ["Coach Noord"],
    outside: { wijken: ["Beijum"], teams: ["Zuid"], coaches: [] },
  };
  const client = (key: string, teamId: string) => {
    const id = randomUUID();
    store.data.clients.push({
      id,
      teamId,
      coachId: coach.staffId,
      externalKey: key,
      displayName: `Klant ${key}`,
      erased: false,
      closed: false,
      closedAt: null,
    });
    return id;
  };
  const logs: { level: string; event: unknown }[] = [];
  const logger = {
    info: (o: object) => void logs.push({ level: "info", event: (o as { event: unknown }).event }),
    error: (o: object) => void logs.push({ level: "error", event: (o as { event: unknown }).event }),
  } as AskCaseloadDeps["logger"];
  const deps = (model?: CaseloadModel): AskCaseloadDeps => ({ store, logger, model, today: TODAY });
  return { store, noord, zuid, coach, lead, admin, client, logs, deps };
}

const line = (clientId: string): ClientLine => ({
  clientId,
  displayName: "Klant",
  externalKey: "K",
  wijk: "Selwerd",
  rung: 2,
  substep: null,
  expectedRung: null,
  coachName: null,
  lastContactAt: null,
  status: "FINAL",
});
const count: CaseloadQuery = { measure: "count", filters: { rungs: [2] } };
const model =
  (answer: Awaited<ReturnType<CaseloadModel>>): CaseloadModel =>
  async () =>
    answer;

describe("ask a caseload question (use case, fake store)", () => {
  let w: ReturnType<typeof world>;
  beforeEach(() => {
    w = world();
  });

  it.each([
    { who: "coach", scope: { kind: "coach" }, teamName: null },
    { who: "lead", scope: { kind: "team" }, teamName: "Noord" },
    { who: "admin", scope: { kind: "all" }, teamName: null },
  ] as const)(
    "answers a question the interpreter understands with the $who's own scope, and audits it without the text",
    async ({ who, scope, teamName }) => {
      const actor = w[who];
      const r = await askCaseloadQuestion(w.deps(), actor, {
        kind: "question",
        question: "Hoeveel klanten staan op trede 2?",
        locale: "nl",
      });
      expect(r).toMatchObject({
        outcome: "answered",
        page: 0,
        locale: "nl",
        modelFallback: null,
        scope: { kind: scope.kind, teamName },
      });
      expect(w.store.data.caseload.asked).toHaveLength(1);
      expect(w.store.data.caseload.asked[0]).toMatchObject({
        scope: { kind: scope.kind },
        askerStaffId: actor.staffId,
        today: TODAY,
        page: 0,
      });
      const audit = w.store.data.audit.find((e) => e.action === "caseload.query")!;
      expect(audit.details).toMatchObject({ source: "question", page: 0, scope: scope.kind, shown: 0, clientIds: [] });
      expect(JSON.stringify(audit)).not.toContain("Hoeveel");
    },
  );

  it.each([
    { question: "Hoeveel klanten hebben een paarse fiets?", reason: "notUnderstood", locale: "nl" },
    { question: "How many clients in team Zuid?", reason: "outOfScope", locale: "en" },
    { question: "Hoeveel klanten in Beijum?", reason: "outOfScope", locale: "nl" },
  ] as const)(
    "refuses '$question' ($reason) without asking the store for an answer, and audits the refusal",
    async ({ question, reason, locale }) => {
      const r = await askCaseloadQuestion(w.deps(), w.lead, { kind: "question", question, locale: "nl" });
      expect(r.outcome).toBe("not_understood");
      if (r.outcome !== "not_understood") return;
      expect(r.interpretation).toMatchObject({ ok: false, reason, locale });
      expect(r.scope).toEqual({ kind: "team", teamName: "Noord" });
      expect(w.store.data.caseload.asked).toEqual([]);
      expect(w.store.data.audit.map((e) => [e.action, e.details])).toEqual([
        ["caseload.not_understood", { kind: "not_understood", reason, model: false }],
      ]);
    },
  );

  it.each([
    {
      name: "a query naming only what the asker may see",
      answer: { ok: true, query: { measure: "list", filters: { wijken: ["selwerd"] } } },
      used: { measure: "list", filters: { wijken: ["Selwerd"] } },
      fallback: null,
      log: [],
    },
    {
      name: "a query naming a wijk outside the scope",
      answer: { ok: true, query: { measure: "list", filters: { wijken: ["Beijum"] } } },
      used: count,
      fallback: "out_of_scope",
      log: ["model.fallback"],
    },
    {
      name: "a model failure",
      answer: { ok: false, reason: "invalid_answer" },
      used: count,
      fallback: "unavailable",
      log: ["model.fallback"],
    },
    {
      name: "a team that keeps text from the model",
      answer: { ok: false, reason: "not_allowed" },
      used: count,
      fallback: null,
      log: [],
    },
  ] as const)("with a model: $name", async ({ answer, used, fallback, log }) => {
    const r = await askCaseloadQuestion(w.deps(model(answer as Awaited<ReturnType<CaseloadModel>>)), w.lead, {
      kind: "question",
      question: "Hoeveel klanten staan op trede 2?",
      locale: "nl",
    });
    expect(r).toMatchObject({ outcome: "answered", query: used, modelFallback: fallback });
    expect(w.store.data.caseload.asked[0].query).toEqual(used);
    expect(w.logs.map((l) => l.event)).toEqual(log);
  });

  it("says the model was in play when the interpreter then refuses", async () => {
    await askCaseloadQuestion(w.deps(model({ ok: false, reason: "timeout" })), w.coach, {
      kind: "question",
      question: "paarse fietsen",
      locale: "nl",
    });
    expect(w.store.data.audit.find((e) => e.action === "caseload.not_understood")?.details).toMatchObject({
      model: true,
    });
  });

  it("answers a query from a card on its page with the clicker's own scope, never the query's team, and audits it as a page", async () => {
    const wide: CaseloadQuery = { measure: "list", filters: { team: "Zuid" } };
    const r = await askCaseloadQuestion(w.deps(model({ ok: true, query: count })), w.coach, {
      kind: "query",
      query: wide,
      page: 3,
      locale: "en",
    });
    expect(r).toMatchObject({
      outcome: "answered",
      query: wide,
      page: 3,
      locale: "en",
      scope: { kind: "coach", teamName: null },
    });
    expect(w.store.data.caseload.asked[0]).toMatchObject({
      query: wide,
      page: 3,
      scope: { kind: "coach", staffId: w.coach.staffId },
    });
    expect(w.store.data.audit.find((e) => e.action === "caseload.query")?.details).toMatchObject({
      source: "more",
      page: 3,
    });
  });

  it("lets through only the listed clients the asker may see, records their read, and logs a leak", async () => {
    const mine = w.client("K-1", w.noord.id);
    const theirs = w.client("K-2", w.zuid.id);
    w.store.data.caseload.answer = async (): Promise<CaseloadResult> => ({
      kind: "list",
      total: 2,
      page: 0,
      pageSize: 10,
      lines: [line(mine), line(theirs)],
    });
    const r = await askCaseloadQuestion(w.deps(), w.lead, {
      kind: "query",
      query: { measure: "list", filters: {} },
      page: 0,
      locale: "nl",
    });
    expect(r.outcome === "answered" && "lines" in r.result ? r.result.lines.map((l) => l.clientId) : null).toEqual([mine]);
    expect(w.store.data.audit.map((e) => e.action)).toEqual(["refused", "client.read", "caseload.query"]);
    expect(w.store.data.audit[1]).toMatchObject({ clientId: mine, details: { via: "caseload.more" } });
    expect(w.store.data.audit[2].details).toMatchObject({ shown: 1, clientIds: [mine] });
    expect(w.logs).toEqual([{ level: "error", event: "scope.list_leak" }]);
  });
});
