// One CSV cell, for every CSV Trede writes (the reporting export and a caseload list for its asker).
// Quoted when it holds the delimiter, a quote or a line break. A cell a spreadsheet would evaluate as a
// formula (starting with = + - @, a tab or a carriage return: "=HYPERLINK(...)" as a client name) gets a
// leading apostrophe, so it opens as the text it is.
export function csvSafe(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvCell(value: unknown, delimiter: string): string {
  const s = csvSafe(value === null || value === undefined ? "" : String(value));
  return /["\n\r]/.test(s) || s.includes(delimiter) ? `"${s.replace(/"/g, '""')}"` : s;
}
