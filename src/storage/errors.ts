// Tells a database that cannot be reached apart from a bug, so people get "try again" instead of an alarm.
const UNAVAILABLE =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|Connection terminated|connect ECONN|timeout exceeded when trying to connect|Can't reach database|the database system is (starting up|shutting down)|Cannot use a pool after calling end/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === "P1001" || code === "P1017" || code === "P2024") return true;
    if (UNAVAILABLE.test(String((e as { message?: unknown }).message ?? ""))) return true;
  }
  return false;
}
