using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_TallyPerStatement : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // PostgreSQL's tally triggers now run once per statement (ADR 0021, addendum of 2026-12-07).
            // SQLite has row triggers only; its triggers are unchanged. This migration keeps the two
            // histories the same.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
