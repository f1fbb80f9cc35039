// Layer rules (docs/architecture in the README): edges stay at the edge.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "domain-is-pure",
      comment:
        "src/domain may import only zod, other domain code and the text catalogue (src/i18n/catalogue, src/i18n/locale.ts): no Teams, Prisma, OpenAI, node I/O or env. The catalogue is allowed because the domain's describe, CSV and import-report functions speak to people, and one catalogue per language must hold all user-facing text; the rule below keeps the catalogue as pure as the domain.",
      severity: "error",
      from: { path: "^src/domain/" },
      to: {
        pathNot: ["^src/domain/", "^src/i18n/catalogue/", "^src/i18n/locale\\.ts$", "^node_modules/zod/", "^zod$"],
      },
    },
    {
      name: "catalogue-is-pure",
      comment:
        "The text catalogue (src/i18n/catalogue) holds only texts: it imports its own modules and, as types only, the domain's shapes, so the pure domain may use it.",
      severity: "error",
      from: { path: "^src/i18n/catalogue/" },
      to: { pathNot: ["^src/i18n/catalogue/", "^src/domain/"] },
    },
    {
      name: "catalogue-takes-only-types-from-the-domain",
      severity: "error",
      from: { path: "^src/i18n/catalogue/" },
      to: { path: "^src/domain/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "prisma-only-in-storage",
      comment: "Prisma and the pg driver under it (the Sql handle) are imported only by src/storage.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/storage/", "^src/generated/"] },
      to: {
        path: ["^src/generated/prisma", "node_modules/@prisma/", "node_modules/\\.prisma/", "node_modules/pg/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "teams-only-at-the-edge",
      comment:
        "botbuilder and teams-ai are imported only by src/bot and src/http, not even as types: only they know which SDK carries the conversation (the model's teams-ai binding is src/bot/model-binding.ts, the state storage src/bot/bot-state-storage.ts).",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/bot/", "^src/http/"] },
      to: { path: ["node_modules/botbuilder", "node_modules/@microsoft/teams-ai", "node_modules/botframework-"] },
    },
    {
      name: "above-storage-only-the-store",
      comment:
        "src/bot, src/cards, src/ai and src/use-cases get the store (src/domain/store.ts) and never import storage or Prisma, not even their types: the types that cross the port live in src/domain. Only the composition roots (src/start-trede.ts, src/main.ts, src/cli) build it with createStore.",
      severity: "error",
      from: { path: ["^src/bot/", "^src/cards/", "^src/ai/", "^src/use-cases/"] },
      to: {
        path: ["^src/storage/", "^src/generated/", "node_modules/@prisma/", "node_modules/\\.prisma/", "node_modules/pg/"],
      },
    },
    {
      name: "use-cases-know-no-transport-or-database",
      comment:
        "src/use-cases hold the rules of what a person does, between the edges and storage: they get the store as a parameter and never import Teams, a model client, Prisma, pg or src/storage (not even its types: the types that cross the port live in src/domain).",
      severity: "error",
      from: { path: "^src/use-cases/" },
      to: {
        path: [
          "node_modules/botbuilder",
          "node_modules/@microsoft/teams-ai",
          "node_modules/botframework-",
          "node_modules/openai",
          "node_modules/@prisma/",
          "node_modules/\\.prisma/",
          "node_modules/pg/",
          "^src/generated/",
          "^src/storage/",
          "^src/bot/",
          "^src/http/",
          "^src/ai/",
        ],
      },
    },
    {
      name: "openai-only-in-ai",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/ai/"] },
      to: { path: "node_modules/openai" },
    },
    {
      name: "model-only-through-the-gate",
      comment:
        "Every request to a language model passes src/ai/model-gate.ts (team settings, default-deny masking). The model and planner are built by the SDK binding src/bot/model-binding.ts, which wraps them in the gate at once; only the bot's Application (src/bot/app.ts) may import it, and only the binding may import the OpenAI client or teams-ai's model and planner modules.",
      severity: "error",
      from: { path: "^src/", pathNot: ["^src/bot/app\\.ts$", "^src/bot/model-binding\\.ts$"] },
      to: {
        path: ["^src/bot/model-binding\\.ts$", "node_modules/openai/", "node_modules/@microsoft/teams-ai/lib/(models|planners|prompts)/"],
        dependencyTypesNot: ["type-only"],
      },
    },
    {
      name: "nobody-imports-main",
      severity: "error",
      from: {},
      to: { path: ["^src/main\\.ts$", "^src/cli/main\\.ts$"] },
    },
    {
      name: "no-circular",
      severity: "error",
      from: { path: "^src/", pathNot: "^src/generated/" },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^src/generated/" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
      extensions: [".ts", ".js", ".json"],
    },
  },
};
