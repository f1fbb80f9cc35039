// The one way text from a person or an import reaches a card. Such text is data: a client name like
// "[Klik voor dossier](https://evil.example)" must read exactly like that, not become a link; "${...}"
// must read as typed, never as a template (renderCard keeps data out of template evaluation); and
// characters nobody can see (bidi overrides, zero-width spaces, controls) are dropped.
//
// Card data fields that show text are typed `CardText` (or `PlainCardText` where the card shows plain
// text), which only this function produces: a renderer that forgets the call does not compile.
import { dropInvisibleCharacters } from "../domain/text/invisible-characters.ts";

declare const markdownSafe: unique symbol;
declare const plainSafe: unique symbol;

/** Text for a TextBlock, a FactSet or an expanded choice: Teams renders these as markdown. */
export type CardText = string & { readonly [markdownSafe]: true };
/** Text for a slot Teams shows as plain text: compact choice titles, input labels and values. */
export type PlainCardText = string & { readonly [plainSafe]: true };

/** Long enough for any name, note or reason the bot accepts; short enough to keep a card under Teams' 28 KB. */
export const CARD_TEXT_MAX = 1_000;

/**
 * Prepares untrusted text for a card: drops invisible characters, limits the length, and (for a
 * markdown slot, the default) escapes markdown so it displays as typed.
 */
export function cardText(value: string | number | null | undefined, slot?: "markdown", max?: number): CardText;
export function cardText(value: string | number | null | undefined, slot: "plain", max?: number): PlainCardText;
export function cardText(
  value: string | number | null | undefined,
  slot: "markdown" | "plain" = "markdown",
  max = CARD_TEXT_MAX,
): CardText | PlainCardText {
  let text = String(value ?? "")
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "") // lone surrogate halves
    .replace(/\r\n?|[\u2028\u2029]/g, "\n")
    .replace(/\t/g, " ");
  // a line break is the one control character a reason or note may keep
  text = text.split("\n").map(dropInvisibleCharacters).join("\n").normalize("NFC");
  const chars = [...text];
  if (chars.length > max)
    text = `${chars
      .slice(0, max - 1)
      .join("")
      .trimEnd()}…`;
  if (slot === "plain") return text.replace(/\n+/g, " ") as PlainCardText;
  return text.split("\n").map(escapeMarkdownLine).join("\n") as CardText;
}

/**
 * Escapes what CommonMark (and the subset Teams renders) would treat as markup. Backslash escapes of
 * ASCII punctuation are part of CommonMark, so the text displays exactly as typed. Characters that only
 * mean something at the start of a line are escaped only there, so ordinary names stay untouched.
 */
function escapeMarkdownLine(line: string): string {
  let out = line
    .replace(/^[ ]+/, "") // four leading spaces would make a code block
    .replace(/[\\`*_[\]<>~|]/g, "\\$&")
    .replace(/&(?=#?[a-z0-9]+;)/gi, "\\&") // an entity (&amp;) would display as the character
    .replace(/\{(?=\{)/g, "{\\"); // {{DATE(...)}} is a date formatter in Adaptive Cards
  out = out.replace(/^([#+=-])/, "\\$1"); // heading, list item, setext underline
  out = out.replace(/^(\d+)([.)])/, "$1\\$2"); // ordered list item
  return out;
}
