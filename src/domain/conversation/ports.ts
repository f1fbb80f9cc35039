// Rows of conversation state (a debrief in progress, the user's language), kept in the database so that
// they survive restarts and every instance sees them. The bot's SDK adapter (src/bot/bot-state-storage.ts)
// gives them eTag semantics; storage only stores.
export interface StateRow {
  key: string;
  data: object;
  eTag: string;
}

export interface ConversationStateStore {
  read(keys: readonly string[]): Promise<StateRow[]>;
  /** Writes whatever is stored under the key. */
  overwrite(row: StateRow): Promise<void>;
  /** Writes only when the stored eTag is still `expectedETag`; false otherwise (or when absent). */
  updateIfUnchanged(row: StateRow, expectedETag: string): Promise<boolean>;
  /** Writes only when nothing is stored under the key; false otherwise. */
  createIfAbsent(row: StateRow): Promise<boolean>;
  delete(keys: readonly string[]): Promise<void>;
}
