using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_Kiosk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ludo_FamilyAccounts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<Guid>(type: "uuid", nullable: false),
                    Login = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NormalizedLogin = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    DisabledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ludo_FamilyAccounts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ludo_FamilyCards",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    IssuedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    IssuedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ludo_FamilyCards", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Plt_KioskDevices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenHash = table.Column<byte[]>(type: "bytea", maxLength: 32, nullable: false),
                    EnrolledByUserId = table.Column<Guid>(type: "uuid", nullable: false),
                    EnrolledAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastSeenAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RevokedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Plt_KioskDevices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyAccounts_TenantId",
                table: "Ludo_FamilyAccounts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyAccounts_TenantId_ContactEmail",
                table: "Ludo_FamilyAccounts",
                columns: new[] { "TenantId", "ContactEmail" });

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyAccounts_TenantId_HouseholdId",
                table: "Ludo_FamilyAccounts",
                columns: new[] { "TenantId", "HouseholdId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyAccounts_TenantId_NormalizedLogin",
                table: "Ludo_FamilyAccounts",
                columns: new[] { "TenantId", "NormalizedLogin" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyAccounts_UserId",
                table: "Ludo_FamilyAccounts",
                column: "UserId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyCards_TenantId",
                table: "Ludo_FamilyCards",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyCards_TenantId_HouseholdId",
                table: "Ludo_FamilyCards",
                columns: new[] { "TenantId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyCards_TokenHash",
                table: "Ludo_FamilyCards",
                column: "TokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Plt_KioskDevices_TenantId",
                table: "Plt_KioskDevices",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Plt_KioskDevices_TokenHash",
                table: "Plt_KioskDevices",
                column: "TokenHash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ludo_FamilyAccounts");

            migrationBuilder.DropTable(
                name: "Ludo_FamilyCards");

            migrationBuilder.DropTable(
                name: "Plt_KioskDevices");
        }
    }
}
