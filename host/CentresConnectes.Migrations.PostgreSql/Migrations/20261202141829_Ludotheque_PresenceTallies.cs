using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_PresenceTallies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ludo_PresenceTallies",
                columns: table => new
                {
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    Span = table.Column<int>(type: "integer", nullable: false),
                    Start = table.Column<DateOnly>(type: "date", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ludo_PresenceTallies", x => new { x.TenantId, x.Span, x.Start, x.PersonId, x.HouseholdId });
                });

            // ADR 0021: the tallies are kept by the database, in the statement that writes the presence.
            // Span 1 = the slot's month, 2 = its year; a presence without household counts under the empty id.
            migrationBuilder.Sql("""
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
                INSERT INTO "Ludo_PresenceTallies" ("TenantId", "Span", "Start", "PersonId", "HouseholdId", "Count")
                SELECT p."TenantId", k.span, CASE k.span WHEN 1 THEN date_trunc('month', s."Date")::date ELSE date_trunc('year', s."Date")::date END,
                       p."PersonId", COALESCE(p."HouseholdId", '00000000-0000-0000-0000-000000000000'), count(*)
                FROM "Ludo_Presences" p JOIN "Ludo_Slots" s ON s."Id" = p."SlotId" CROSS JOIN (VALUES (1), (2)) AS k(span)
                GROUP BY 1, 2, 3, 4, 5;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""
                DROP TRIGGER "Ludo_Presences_TallyInsert" ON "Ludo_Presences";
                DROP TRIGGER "Ludo_Presences_TallyDelete" ON "Ludo_Presences";
                DROP FUNCTION ludo_presence_tally();
                """);
            migrationBuilder.DropTable(
                name: "Ludo_PresenceTallies");
        }
    }
}
