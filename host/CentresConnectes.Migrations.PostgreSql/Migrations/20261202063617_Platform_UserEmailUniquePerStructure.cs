using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Platform_UserEmailUniquePerStructure : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plt_Users_TenantId",
                table: "Plt_Users");

            migrationBuilder.CreateIndex(
                name: "IX_Plt_Users_TenantId_NormalizedEmail",
                table: "Plt_Users",
                columns: new[] { "TenantId", "NormalizedEmail" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Plt_Users_TenantId_NormalizedEmail",
                table: "Plt_Users");

            migrationBuilder.CreateIndex(
                name: "IX_Plt_Users_TenantId",
                table: "Plt_Users",
                column: "TenantId");
        }
    }
}
