// The post-visit debrief's routes: one live card per debrief, replaced in place after every submit.
// Every submit is parsed with zod; ids from cards are re-checked against the coach's scope and the
// conversation's own draft; stale or forged submits are refused and audited. The rules live in
// src/use-cases/debrief, the steps in src/domain/debrief/steps.ts; these handlers parse, call, render.
import type { RouteRegistrar } from "../routes.ts";
import type { Turn } from "../turn.ts";
import { back, cancel, next } from "./debrief/answer.ts";
import { confirm } from "./debrief/confirm.ts";
import { reopen } from "./debrief/reopen.ts";
import type { DebriefDeps } from "./debrief/deps.ts";
import { resume, start } from "./debrief/start.ts";

export { isVisitNote, startFromNote } from "./debrief/note.ts";
export type { DebriefDeps } from "./debrief/deps.ts";
export { Submit } from "./debrief/session.ts";
export { StartForClientSubmit } from "./debrief/start.ts";

export function debriefRoutes(debrief: DebriefDeps) {
  return (r: RouteRegistrar) => {
    r.message(/^\s*(debrief|verslag|nieuw verslag|nieuw gesprek|new debrief|new visit|visit)(\s+.{1,60})?\s*$/i, (turn) =>
      start(turn, debrief),
    );
    r.submit("debrief.start", (turn) => start(turn, debrief));
    r.submit("debrief.resume", (turn) => resume(turn, debrief));
    r.submit("debrief.restart", (turn) => start(turn, debrief, { restart: true }));
    r.submit("debrief.next", (turn) => next(turn, debrief));
    r.submit("debrief.back", (turn) => back(turn, debrief));
    r.submit("debrief.cancel", (turn: Turn) => cancel(turn));
    r.submit("debrief.confirm", (turn) => confirm(turn, debrief, false));
    r.submit("debrief.override", (turn) => confirm(turn, debrief, true));
    r.submit("debrief.reopen", (turn) => reopen(turn, debrief));
  };
}
