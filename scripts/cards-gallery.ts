// npm run cards:gallery — every card, rendered by the official renderer with the Teams light host
// config, as PNGs in gallery/ plus an index.html to review them at a glance.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openCardBrowser } from "../test/support/card-browser.ts";
import { cardExamples } from "./lib/card-examples.ts";

const out = path.resolve("gallery");
mkdirSync(out, { recursive: true });
const browser = await openCardBrowser();
const entries: string[] = [];
try {
  for (const locale of ["nl", "en"] as const) {
    for (const example of cardExamples(locale)) {
      const file = `${example.name}.${locale}.png`;
      const rendered = await browser.render(example.card);
      if (rendered.errors.length) console.warn(`${example.name} (${locale}): ${rendered.errors.join("; ")}`);
      await rendered.screenshot(path.join(out, file));
      entries.push(
        `<figure><img src="${file}" alt="${example.name}"><figcaption>${example.template} · ${example.name} · ${locale}</figcaption></figure>`,
      );
    }
  }
} finally {
  await browser.close();
}
writeFileSync(
  path.join(out, "index.html"),
  `<!doctype html><meta charset="utf-8"><title>Trede cards</title><style>body{font-family:sans-serif;display:flex;flex-wrap:wrap;gap:16px;background:#eee}figure{background:#fff;padding:8px;margin:0}img{max-width:520px}</style>${entries.join("\n")}`,
);
console.log(`${entries.length} cards rendered to ${out}/index.html`);
