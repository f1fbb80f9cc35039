-- A substep belongs to its rung: 1, 2 or 3, and never on the ladder's top rung (rung 6 of the
-- participatieladder, 7 of the ontwikkelladder). The number of rungs is the suffix of the profile id
-- (ladders/<id>.json; the loader checks that it matches the profile), so the database refuses a wrong
-- substep for every ladder without knowing the profiles. A rung is never above the top rung either.
-- Not in prisma/schema.prisma: Prisma has no syntax for CHECK constraints.
ALTER TABLE "Classification" ADD CONSTRAINT "Classification_substep_belongs_to_rung" CHECK (
  "finalRung" >= 1 AND "proposedRung" >= 1
  AND "finalRung" <= COALESCE(substring("profileId" from '-([0-9]+)$')::int, 2147483647)
  AND "proposedRung" <= COALESCE(substring("profileId" from '-([0-9]+)$')::int, 2147483647)
  AND ("finalSubstep" IS NULL OR ("finalSubstep" BETWEEN 1 AND 3 AND "finalRung" < COALESCE(substring("profileId" from '-([0-9]+)$')::int, 2147483647)))
  AND ("proposedSubstep" IS NULL OR ("proposedSubstep" BETWEEN 1 AND 3 AND "proposedRung" < COALESCE(substring("profileId" from '-([0-9]+)$')::int, 2147483647)))
);
