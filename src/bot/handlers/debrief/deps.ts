// What the debrief's handlers are built with.
import type { LadderProfiles } from "../../../config/ladder-profiles.ts";
import type { ReviewDeps } from "../review.handler.ts";

export interface DebriefDeps {
  ladders: LadderProfiles;
  review: ReviewDeps;
}
