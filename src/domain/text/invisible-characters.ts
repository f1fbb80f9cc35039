// Characters a person cannot see but a screen obeys: control codes, bidirectional overrides and
// isolates (U+202E makes "exe.txt" read "txt.exe"), zero-width spaces and joiners, the byte order
// mark, Unicode tag characters. Imports refuse them; text shown on a card drops them. One list for both.

/**
 * Matches one unsafe character. Newline and tab are included (an import field is one line); the card
 * text function treats them before it applies this. A zero-width joiner between two pictographs is
 * how emoji sequences (👩‍💻) are spelled, so that one is allowed.
 */
export const INVISIBLE_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is this pattern's job
  /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]|[\u{E0000}-\u{E007F}]|(?<!\p{Extended_Pictographic}\uFE0F?)\u200D|\u200D(?!\p{Extended_Pictographic})/gu;

/** The first unsafe character in `text` as "U+202E", or null when there is none. */
export function findInvisibleCharacter(text: string): string | null {
  const match = new RegExp(INVISIBLE_CHARACTER.source, "u").exec(text);
  return match ? `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}` : null;
}

export function dropInvisibleCharacters(text: string): string {
  return text.replace(INVISIBLE_CHARACTER, "");
}
