// The 13 domains of the Zelfredzaamheid-Matrix (ZRM 2017), in the ZRM's own order, which exports and views
// keep. Health, substance use and justice are special categories. A module of its own, importing nothing,
// so the text catalogue can key the domain names by code without an import cycle (zrm-domains.ts joins them).
export const ZRM_DOMAIN_CODES = [
  { code: "financien", special: false },
  { code: "werk_opleiding", special: false },
  { code: "tijdsbesteding", special: false },
  { code: "huisvesting", special: false },
  { code: "huiselijke_relaties", special: false },
  { code: "geestelijke_gezondheid", special: true },
  { code: "lichamelijke_gezondheid", special: true },
  { code: "middelengebruik", special: true },
  { code: "basale_adl", special: false },
  { code: "instrumentele_adl", special: false },
  { code: "sociaal_netwerk", special: false },
  { code: "maatschappelijke_participatie", special: false },
  { code: "justitie", special: true },
] as const;

export type ZrmCode = (typeof ZRM_DOMAIN_CODES)[number]["code"];
