// What makes a card unreadable on a phone, measured in the page after the official renderer laid it out:
// text that is clipped (an element narrower than its content and hiding the rest, as "Beoordel…" or a
// cut-off column), text drawn outside the card, and a word whose letters land on two lines ("Totaa/l",
// "20-02-/2026"). Of form controls only a closed dropdown's chosen title counts (a text box scrolls, and
// an opened dropdown shows its choices full width). A compound word may break after its hyphen between
// letters ("Oosterhuis-/van").
//
// findLayoutProblems runs inside the browser (page.evaluate): it must not use anything from outside itself.

export interface LayoutProblem {
  kind: "clipped" | "outside-card" | "word-broken";
  /** the text concerned; for a broken word with "|" where it breaks */
  text: string;
}

export function findLayoutProblems(root: HTMLElement): LayoutProblem[] {
  const problems: LayoutProblem[] = [];
  const seen = new Set<string>();
  const add = (p: LayoutProblem) => {
    const key = `${p.kind}:${p.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    problems.push(p);
  };
  const formControl = (el: Element | null) => !!el?.closest("input, select, textarea, datalist, option");
  const shown = (el: Element) => el.getClientRects().length > 0 && getComputedStyle(el).visibility !== "hidden";
  const snippet = (s: string) => s.replace(/\s+/g, " ").trim().slice(0, 80);

  // clipped: content wider (or, with maxLines, taller) than the element that hides the overflow
  for (const el of Array.from(root.querySelectorAll<HTMLElement>("*"))) {
    if (formControl(el) || !shown(el) || !el.innerText?.trim()) continue;
    const style = getComputedStyle(el);
    const wide = el.scrollWidth > el.clientWidth + 1 && style.overflowX !== "visible";
    const tall =
      el.scrollHeight > el.clientHeight + 1 &&
      style.overflowY !== "visible" &&
      el.clientHeight > 0 &&
      Number.parseFloat(style.lineHeight || "0") > 0 &&
      el.children.length === 0;
    if (wide || tall) add({ kind: "clipped", text: snippet(el.innerText) });
  }

  // a closed dropdown shows its chosen title on one line: clipped when wider than the box (less its arrow)
  for (const select of Array.from(root.querySelectorAll("select"))) {
    const chosen = select.selectedOptions[0]?.text.trim();
    if (!chosen || !shown(select)) continue;
    const style = getComputedStyle(select);
    const probe = document.createElement("span");
    Object.assign(probe.style, {
      font: style.font,
      letterSpacing: style.letterSpacing,
      whiteSpace: "pre",
      position: "absolute",
      visibility: "hidden",
    });
    probe.textContent = chosen;
    document.body.appendChild(probe);
    const room = select.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight) - 20;
    if (probe.getBoundingClientRect().width > room) add({ kind: "clipped", text: snippet(chosen) });
    probe.remove();
  }

  const card = root.getBoundingClientRect();
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  const rectOf = (node: Text, i: number) => {
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    const rects = range.getClientRects();
    return rects.length ? rects[0] : null;
  };
  for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
    const parent = node.parentElement;
    if (!parent || formControl(parent) || !shown(parent)) continue;
    const text = node.data;
    for (const match of text.matchAll(/\S+/g)) {
      const word = match[0];
      const start = match.index ?? 0;
      let previous: DOMRect | null = null;
      for (let i = 0; i < word.length; i++) {
        const rect = rectOf(node, start + i);
        if (!rect || rect.width === 0) continue;
        if (rect.right > card.right + 1 || rect.left < card.left - 1) add({ kind: "outside-card", text: snippet(text) });
        if (previous && rect.top >= previous.bottom - previous.height / 2) {
          const compoundBreak = word[i - 1] === "-" && /\p{L}/u.test(word[i - 2] ?? "") && /\p{L}/u.test(word[i]);
          if (!compoundBreak) add({ kind: "word-broken", text: `${word.slice(0, i)}|${word.slice(i)}` });
        }
        previous = rect;
      }
    }
  }
  return problems;
}
