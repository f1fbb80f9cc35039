import { describe, expect, it } from "vitest";
import { Pseudonymiser } from "../../../src/domain/privacy/pseudonymiser.ts";

const known = { names: ["Jansen, A.", "Fatima el Amrani", "Sanne de Vries"], clientNumbers: ["K-10023", "558812"] };

describe("pseudonymiser", () => {
  it.each([
    ["net bij mevrouw J. geweest, ze doet twee ochtenden vrijwilligerswerk", "J.", "[PERSOON_1]"],
    ["Gesprek met Jansen over werk", "Jansen", "[PERSOON_1]"],
    ["A. Jansen wil meer uren", "A. Jansen", "[PERSOON_1]"],
    ["Fatima el Amrani volgt een taalcursus", "Fatima el Amrani", "[PERSOON_1]"],
    ["Fatima gaat naar de buurtkamer", "Fatima", "[PERSOON_1]"],
    ["klant K-10023 gesproken", "K-10023", "[KLANTNUMMER_1]"],
    ["klantnummer 558812", "558812", "[KLANTNUMMER_1]"],
    ["BSN 123456782 staat in het dossier", "123456782", "[BSN_1]"],
    ["bsn 1234.56.782", "1234.56.782", "[BSN_1]"],
    ["woont Paterswoldseweg 12a, 9727 BD Groningen", "Paterswoldseweg 12a", "[ADRES_1]"],
    ["postcode 9727BD", "9727BD", "[POSTCODE_1]"],
    ["mail a.jansen@example.nl", "a.jansen@example.nl", "[EMAIL_1]"],
    ["bel 06-12345678 of 050 3671234", "06-12345678", "[TELEFOON_1]"],
    ["geboren 03-04-1981", "03-04-1981", "[DATUM_1]"],
    ["meneer De Boer komt niet", "De Boer", "[PERSOON_1]"],
    ["dhr. van der Berg belde", "van der Berg", "[PERSOON_1]"],
  ])("removes the identifier from %j", (text, secret, placeholder) => {
    const p = new Pseudonymiser(known);
    const masked = p.mask(text);
    expect(masked).not.toContain(secret);
    expect(masked).toContain(placeholder);
    expect(p.restore(masked)).toBe(text);
  });

  it("keeps ordinary words, rung numbers and durations", () => {
    const p = new Pseudonymiser(known);
    const text = "Doet 2 ochtenden per week vrijwilligerswerk bij de voedselbank, trede 3, sinds 2024.";
    expect(p.mask(text)).toBe(text);
  });

  it("gives the same value the same placeholder and different values different ones", () => {
    const p = new Pseudonymiser(known);
    const masked = p.mask("Jansen en Sanne de Vries spraken; daarna belde Jansen terug.");
    const m = masked.match(/^(\[PERSOON_\d\]) en (\[PERSOON_\d\]) spraken; daarna belde (\[PERSOON_\d\]) terug\.$/);
    expect(m).not.toBeNull();
    expect(m![1]).toBe(m![3]);
    expect(m![1]).not.toBe(m![2]);
    expect(p.restore(masked)).toBe("Jansen en Sanne de Vries spraken; daarna belde Jansen terug.");
  });

  it("masks every string inside structured payloads", () => {
    const p = new Pseudonymiser(known);
    const masked = p.maskDeep({ note: "Jansen 06-12345678", list: ["K-10023"], n: 3 });
    expect(JSON.stringify(masked)).not.toMatch(/Jansen|12345678|10023/);
    expect(masked.n).toBe(3);
  });
});
