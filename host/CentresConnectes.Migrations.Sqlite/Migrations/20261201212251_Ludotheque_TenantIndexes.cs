using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Ludotheque_TenantIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ludo_Slots_TenantId",
                table: "Ludo_Slots");

            migrationBuilder.DropIndex(
                name: "IX_Ludo_Presences_TenantId",
                table: "Ludo_Presences");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Slots_TenantId",
                table: "Ludo_Slots",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_Presences_TenantId",
                table: "Ludo_Presences",
                column: "TenantId");
        }
    }
}
