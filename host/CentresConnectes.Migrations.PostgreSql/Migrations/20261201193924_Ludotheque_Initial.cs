using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ludo_Slots",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Start = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    End = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ludo_Slots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ludo_Presences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    SlotId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    ArrivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    RecordedByUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    OnBehalfOfUserId = table.Column<Guid>(type: "uuid", nullable: true),
                    CheckInId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ludo_Presences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Ludo_Presences_Ludo_Slots_SlotId",
                        column: x => x.SlotId,
                        principalTable: "Ludo_Slots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Presences_SlotId",
                table: "Ludo_Presences",
                column: "SlotId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Presences_TenantId",
                table: "Ludo_Presences",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Presences_TenantId_HouseholdId",
                table: "Ludo_Presences",
                columns: new[] { "TenantId", "HouseholdId" });

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Presences_TenantId_PersonId",
                table: "Ludo_Presences",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "UX_Ludo_Presences_SlotPerson",
                table: "Ludo_Presences",
                columns: new[] { "TenantId", "SlotId", "PersonId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Slots_TenantId",
                table: "Ludo_Slots",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Slots_TenantId_StartsAtUtc",
                table: "Ludo_Slots",
                columns: new[] { "TenantId", "StartsAtUtc" });

            migrationBuilder.CreateIndex(
                name: "UX_Ludo_Slots_Day",
                table: "Ludo_Slots",
                columns: new[] { "TenantId", "Date", "Start", "End" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ludo_Presences");

            migrationBuilder.DropTable(
                name: "Ludo_Slots");
        }
    }
}
