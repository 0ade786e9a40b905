using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_SelfRegistration : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "SelfRegisteredAtUtc",
                table: "Ludo_FamilyAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "VerifiedAtUtc",
                table: "Ludo_FamilyAccounts",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VerifiedBy",
                table: "Ludo_FamilyAccounts",
                type: "TEXT",
                maxLength: 200,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SelfRegisteredAtUtc",
                table: "Ludo_FamilyAccounts");

            migrationBuilder.DropColumn(
                name: "VerifiedAtUtc",
                table: "Ludo_FamilyAccounts");

            migrationBuilder.DropColumn(
                name: "VerifiedBy",
                table: "Ludo_FamilyAccounts");
        }
    }
}
