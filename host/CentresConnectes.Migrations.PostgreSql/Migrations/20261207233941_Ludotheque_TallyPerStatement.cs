using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_TallyPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ADR 0021, addendum of 2026-12-07: the tallies are kept once per statement, not once per row.
            // The row triggers ran, for each presence, a query of its slot's date and an upsert of two
            // tallies: 8 statements inside VALIDER's insert of a family of four, the most of PostgreSQL's
            // share of VALIDER. Statement triggers see the rows the statement wrote (transition tables:
            // rows skipped by ON CONFLICT DO NOTHING are not in them), join their slots once and write
            // each tally once, counted (GROUP BY: an upsert may not touch a row twice). The tallies are
            // written in key order, so two statements that meet on the same tallies wait, never deadlock.
            migrationBuilder.Sql("""
                DROP TRIGGER "Ludo_Presences_TallyInsert" ON "Ludo_Presences";
                DROP TRIGGER "Ludo_Presences_TallyDelete" ON "Ludo_Presences";
                DROP FUNCTION ludo_presence_tally();

                CREATE FUNCTION ludo_presence_tally_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    INSERT INTO "Ludo_PresenceTallies" AS t ("TenantId", "Span", "Start", "PersonId", "HouseholdId", "Count")
                    SELECT p."TenantId", k.span, date_trunc(k.unit, s."Date"::timestamp)::date, p."PersonId", COALESCE(p."HouseholdId", '00000000-0000-0000-0000-000000000000'), count(*)
                    FROM inserted p JOIN "Ludo_Slots" s ON s."Id" = p."SlotId" CROSS JOIN (VALUES (1, 'month'), (2, 'year')) AS k(span, unit)
                    GROUP BY 1, 2, 3, 4, 5
                    ORDER BY 1, 2, 3, 4, 5
                    ON CONFLICT ("TenantId", "Span", "Start", "PersonId", "HouseholdId") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
                    RETURN NULL;
                END $$;

                -- A tally the deleted presences bring to 0 is removed, the others counted down (two
                -- statements on the same keys: the update does not find the rows the delete removed).
                CREATE FUNCTION ludo_presence_tally_deleted() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    DELETE FROM "Ludo_PresenceTallies" t
                    USING (SELECT p."TenantId", k.span, date_trunc(k.unit, s."Date"::timestamp)::date AS start, p."PersonId", COALESCE(p."HouseholdId", '00000000-0000-0000-0000-000000000000') AS household, count(*) AS n
                          FROM deleted p JOIN "Ludo_Slots" s ON s."Id" = p."SlotId" CROSS JOIN (VALUES (1, 'month'), (2, 'year')) AS k(span, unit)
                          GROUP BY 1, 2, 3, 4, 5) AS g
                    WHERE t."TenantId" = g."TenantId" AND t."Span" = g.span AND t."Start" = g.start AND t."PersonId" = g."PersonId" AND t."HouseholdId" = g.household AND t."Count" <= g.n;
                    UPDATE "Ludo_PresenceTallies" t SET "Count" = t."Count" - g.n
                    FROM (SELECT p."TenantId", k.span, date_trunc(k.unit, s."Date"::timestamp)::date AS start, p."PersonId", COALESCE(p."HouseholdId", '00000000-0000-0000-0000-000000000000') AS household, count(*) AS n
                          FROM deleted p JOIN "Ludo_Slots" s ON s."Id" = p."SlotId" CROSS JOIN (VALUES (1, 'month'), (2, 'year')) AS k(span, unit)
                          GROUP BY 1, 2, 3, 4, 5) AS g
                    WHERE t."TenantId" = g."TenantId" AND t."Span" = g.span AND t."Start" = g.start AND t."PersonId" = g."PersonId" AND t."HouseholdId" = g.household;
                    RETURN NULL;
                END $$;

                CREATE TRIGGER "Ludo_Presences_TallyInsert" AFTER INSERT ON "Ludo_Presences"
                    REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ludo_presence_tally_inserted();
                CREATE TRIGGER "Ludo_Presences_TallyDelete" AFTER DELETE ON "Ludo_Presences"
                    REFERENCING OLD TABLE AS deleted FOR EACH STATEMENT EXECUTE FUNCTION ludo_presence_tally_deleted();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // The row triggers of Ludotheque_PresenceTallies, as they were.
            migrationBuilder.Sql("""
                DROP TRIGGER "Ludo_Presences_TallyInsert" ON "Ludo_Presences";
                DROP TRIGGER "Ludo_Presences_TallyDelete" ON "Ludo_Presences";
                DROP FUNCTION ludo_presence_tally_inserted();
                DROP FUNCTION ludo_presence_tally_deleted();

                CREATE FUNCTION ludo_presence_tally() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    r "Ludo_Presences"%ROWTYPE;
                    delta integer;
                    day date;
                    household uuid;
                BEGIN
                    IF TG_OP = 'INSERT' THEN r := NEW; delta := 1; ELSE r := OLD; delta := -1; END IF;
                    SELECT "Date" INTO STRICT day FROM "Ludo_Slots" WHERE "Id" = r."SlotId";
                    household := COALESCE(r."HouseholdId", '00000000-0000-0000-0000-000000000000');
                    INSERT INTO "Ludo_PresenceTallies" AS t ("TenantId", "Span", "Start", "PersonId", "HouseholdId", "Count")
                    VALUES (r."TenantId", 1, date_trunc('month', day)::date, r."PersonId", household, delta),
                           (r."TenantId", 2, date_trunc('year', day)::date, r."PersonId", household, delta)
                    ON CONFLICT ("TenantId", "Span", "Start", "PersonId", "HouseholdId") DO UPDATE SET "Count" = t."Count" + EXCLUDED."Count";
                    IF delta < 0 THEN
                        DELETE FROM "Ludo_PresenceTallies"
                        WHERE "TenantId" = r."TenantId" AND "PersonId" = r."PersonId" AND "HouseholdId" = household AND "Count" <= 0
                          AND (("Span" = 1 AND "Start" = date_trunc('month', day)::date) OR ("Span" = 2 AND "Start" = date_trunc('year', day)::date));
                    END IF;
                    RETURN NULL;
                END $$;
                CREATE TRIGGER "Ludo_Presences_TallyInsert" AFTER INSERT ON "Ludo_Presences" FOR EACH ROW EXECUTE FUNCTION ludo_presence_tally();
                CREATE TRIGGER "Ludo_Presences_TallyDelete" AFTER DELETE ON "Ludo_Presences" FOR EACH ROW EXECUTE FUNCTION ludo_presence_tally();
                """);
        }
    }
}
