// Reading cards the bot sent, the way a person would: find an action by verb and submit it with inputs.
import type { Exchange, TestUser } from "./bot-harness.ts";

/** Every action of a card in the order a person meets them: the body's action sets first, then the card's actions, then those of cards they open. */
export function actionsInOrder(card: any): any[] {
  const out: any[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (!n || typeof n !== "object") return;
    if (typeof n.type === "string" && n.type.startsWith("Action.")) out.push(n);
    for (const key of ["body", "items", "columns", "actions", "card"]) if (key in n) walk(n[key]);
  };
  walk(card?.body ?? []);
  walk(card?.actions ?? []);
  return out;
}

export function findAction(card: any, verb: string): any {
  const found = actionsInOrder(card).find((a) => (a.data?.verb ?? a.verb) === verb);
  if (found) return found;
  throw new Error(`no action with verb ${verb} on card: ${JSON.stringify(card).slice(0, 400)}`);
}

export function inputs(card: any): any[] {
  const out: any[] = [];
  const walk = (n: any) => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === "object") {
      if (typeof n.type === "string" && n.type.startsWith("Input.")) out.push(n);
      for (const v of Object.values(n)) walk(v);
    }
  };
  walk(card);
  return out;
}

export function choiceValues(card: any, id: string): string[] {
  const input = inputs(card).find((i) => i.id === id);
  if (!input) throw new Error(`no input ${id}`);
  return (input.choices ?? []).map((c: any) => c.value);
}

/** Clicks the Action.Submit with this verb on the exchange's last card, as Teams does (data + input values). */
export async function click(user: TestUser, exchange: Exchange, verb: string, values: Record<string, unknown> = {}): Promise<Exchange> {
  const card = exchange.lastCard();
  const action = findAction(card, verb);
  const defaults = Object.fromEntries(
    inputs(card)
      .filter((i) => i.value !== undefined && i.value !== "")
      .map((i) => [i.id, String(i.value)]),
  );
  return user.submit({ ...defaults, ...action.data, ...values }, exchange.lastActivityId());
}
