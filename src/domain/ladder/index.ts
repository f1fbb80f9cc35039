export * from "./classify.ts";
export * from "./ladder-profile.ts";
export * from "./ontheffing.ts";
export * from "./parse-answers.ts";
export * from "./to-ladder-view.ts";
export * from "./zrm-domains.ts";
