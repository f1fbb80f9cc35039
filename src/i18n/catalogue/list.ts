/** "a, b of c" / "a, b or c": a list as a sentence reads it. */
export const list = (items: (string | number)[], and: string) =>
  items.length <= 1 ? items.join("") : `${items.slice(0, -1).join(", ")} ${and} ${items.at(-1)}`;
