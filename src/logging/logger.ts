// Structured logs: one JSON object per line on stdout, for the container platform to collect.
// Never log client names, BSN or notes: log ids (staff, client, classification) and codes.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export function createLogger(options: { level: string; destination?: NodeJS.WritableStream }): Logger {
  return pino(
    {
      level: options.level,
      base: { app: "trede" },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    options.destination ? (options.destination as DestinationStream) : undefined,
  );
}
