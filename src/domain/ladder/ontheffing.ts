// Whether an exemption from the work obligation (ontheffing arbeidsplicht) is recorded. The debrief in
// Teams and the classifier for integrations both derive it here, so one set of answers cannot mean an
// exemption in one place and none in the other.

/** The verdieping field of a profile that records the ontheffing, and its "yes" value. */
export interface OntheffingField {
  id: string;
  yes: string;
}

export function deriveOntheffing(field: OntheffingField | null, verdieping: Readonly<Record<string, string>>): boolean {
  return field !== null && Object.hasOwn(verdieping, field.id) && verdieping[field.id] === field.yes;
}

export type OntheffingResolution = { ok: true; ontheffing: boolean } | { ok: false; message: string };

/**
 * Integrations may also send the outcome as a plain flag (`ontheffing: true`). The verdieping field is
 * the record; the flag may stand in for it where the field is absent, but never contradict it.
 */
export function resolveOntheffing(
  field: OntheffingField | null,
  verdieping: Readonly<Record<string, string>>,
  flag: boolean | undefined,
): OntheffingResolution {
  if (field === null || !Object.hasOwn(verdieping, field.id)) return { ok: true, ontheffing: flag ?? false };
  const derived = deriveOntheffing(field, verdieping);
  if (flag !== undefined && flag !== derived)
    return {
      ok: false,
      message: `contradicts verdieping.${field.id} ("${verdieping[field.id]}"); send one of the two, or the same answer in both`,
    };
  return { ok: true, ontheffing: derived };
}
