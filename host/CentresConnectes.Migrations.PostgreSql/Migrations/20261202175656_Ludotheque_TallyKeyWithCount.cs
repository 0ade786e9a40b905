using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_TallyKeyWithCount : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The statistics read a year's or month's tallies (person, household, count) by their key's
            // first columns: with the count in the key's index the tallies are read from the index alone
            // (index-only scan), not from 150,000 heap rows a year. EF does not model INCLUDE on a key;
            // the key's columns are unchanged (ADR 0021).
            migrationBuilder.Sql("""
                ALTER TABLE "Ludo_PresenceTallies" DROP CONSTRAINT "PK_Ludo_PresenceTallies",
                    ADD CONSTRAINT "PK_Ludo_PresenceTallies" PRIMARY KEY ("TenantId", "Span", "Start", "PersonId", "HouseholdId") INCLUDE ("Count");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                ALTER TABLE "Ludo_PresenceTallies" DROP CONSTRAINT "PK_Ludo_PresenceTallies",
                    ADD CONSTRAINT "PK_Ludo_PresenceTallies" PRIMARY KEY ("TenantId", "Span", "Start", "PersonId", "HouseholdId");
                """);
        }
    }
}
