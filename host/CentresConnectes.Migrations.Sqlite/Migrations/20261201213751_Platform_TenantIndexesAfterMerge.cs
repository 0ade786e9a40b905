using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Platform_TenantIndexesAfterMerge : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Sms_Reminders_TenantId",
                table: "Sms_Reminders");

            migrationBuilder.DropIndex(
                name: "IX_Sms_OptOuts_TenantId",
                table: "Sms_OptOuts");

            migrationBuilder.DropIndex(
                name: "IX_Sms_Occurrences_TenantId",
                table: "Sms_Occurrences");

            migrationBuilder.DropIndex(
                name: "IX_Sms_Journal_TenantId",
                table: "Sms_Journal");

            migrationBuilder.DropIndex(
                name: "IX_Sms_Deliveries_TenantId",
                table: "Sms_Deliveries");

            migrationBuilder.DropIndex(
                name: "IX_Sms_Campaigns_TenantId",
                table: "Sms_Campaigns");

            migrationBuilder.DropIndex(
                name: "IX_Ludo_FamilyCards_TenantId",
                table: "Ludo_FamilyCards");

            migrationBuilder.DropIndex(
                name: "IX_Ludo_FamilyAccounts_TenantId",
                table: "Ludo_FamilyAccounts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Sms_Reminders_TenantId",
                table: "Sms_Reminders",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_OptOuts_TenantId",
                table: "Sms_OptOuts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Occurrences_TenantId",
                table: "Sms_Occurrences",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Journal_TenantId",
                table: "Sms_Journal",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId",
                table: "Sms_Deliveries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Campaigns_TenantId",
                table: "Sms_Campaigns",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyCards_TenantId",
                table: "Ludo_FamilyCards",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ludo_FamilyAccounts_TenantId",
                table: "Ludo_FamilyAccounts",
                column: "TenantId");
        }
    }
}
