using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
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
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Span = table.Column<int>(type: "INTEGER", nullable: false),
                    Start = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ludo_PresenceTallies", x => new { x.TenantId, x.Span, x.Start, x.PersonId, x.HouseholdId });
                });

            // ADR 0021: the tallies are kept by the database, in the statement that writes the presence.
            // Span 1 = the slot's month, 2 = its year; a presence without household counts under the empty id.
            migrationBuilder.Sql("""
                CREATE TRIGGER "Ludo_Presences_TallyInsert" AFTER INSERT ON "Ludo_Presences"
                BEGIN
                    INSERT INTO "Ludo_PresenceTallies" ("TenantId", "Span", "Start", "PersonId", "HouseholdId", "Count")
                    SELECT NEW."TenantId", k.span, CASE k.span WHEN 1 THEN date(s."Date", 'start of month') ELSE date(s."Date", 'start of year') END,
                           NEW."PersonId", COALESCE(NEW."HouseholdId", '00000000-0000-0000-0000-000000000000'), 1
                    FROM "Ludo_Slots" s, (SELECT 1 AS span UNION ALL SELECT 2) k
                    WHERE s."Id" = NEW."SlotId"
                    ON CONFLICT ("TenantId", "Span", "Start", "PersonId", "HouseholdId") DO UPDATE SET "Count" = "Count" + 1;
                END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "Ludo_Presences_TallyDelete" AFTER DELETE ON "Ludo_Presences"
                BEGIN
                    UPDATE "Ludo_PresenceTallies" SET "Count" = "Count" - 1
                    WHERE "TenantId" = OLD."TenantId" AND "PersonId" = OLD."PersonId" AND "HouseholdId" = COALESCE(OLD."HouseholdId", '00000000-0000-0000-0000-000000000000')
                      AND (("Span" = 1 AND "Start" = (SELECT date("Date", 'start of month') FROM "Ludo_Slots" WHERE "Id" = OLD."SlotId"))
                        OR ("Span" = 2 AND "Start" = (SELECT date("Date", 'start of year') FROM "Ludo_Slots" WHERE "Id" = OLD."SlotId")));
                    DELETE FROM "Ludo_PresenceTallies"
                    WHERE "TenantId" = OLD."TenantId" AND "PersonId" = OLD."PersonId" AND "HouseholdId" = COALESCE(OLD."HouseholdId", '00000000-0000-0000-0000-000000000000') AND "Count" <= 0;
                END;
                """);
            migrationBuilder.Sql("""
                INSERT INTO "Ludo_PresenceTallies" ("TenantId", "Span", "Start", "PersonId", "HouseholdId", "Count")
                SELECT p."TenantId", k.span, CASE k.span WHEN 1 THEN date(s."Date", 'start of month') ELSE date(s."Date", 'start of year') END,
                       p."PersonId", COALESCE(p."HouseholdId", '00000000-0000-0000-0000-000000000000'), count(*)
                FROM "Ludo_Presences" p JOIN "Ludo_Slots" s ON s."Id" = p."SlotId", (SELECT 1 AS span UNION ALL SELECT 2) k
                GROUP BY 1, 2, 3, 4, 5;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

            migrationBuilder.Sql("""DROP TRIGGER "Ludo_Presences_TallyInsert";""");
            migrationBuilder.Sql("""DROP TRIGGER "Ludo_Presences_TallyDelete";""");
            migrationBuilder.DropTable(
                name: "Ludo_PresenceTallies");
        }
    }
}
