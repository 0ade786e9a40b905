using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Platform_Hardening : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Ref_ReferenceItems_TenantId",
                table: "Ref_ReferenceItems");

            migrationBuilder.DropIndex(
                name: "IX_Mbr_Persons_TenantId",
                table: "Mbr_Persons");

            migrationBuilder.DropIndex(
                name: "IX_Mbr_PersonGroups_TenantId",
                table: "Mbr_PersonGroups");

            migrationBuilder.DropIndex(
                name: "IX_Mbr_ImportSessions_TenantId",
                table: "Mbr_ImportSessions");

            migrationBuilder.DropIndex(
                name: "IX_Mbr_Households_TenantId",
                table: "Mbr_Households");

            migrationBuilder.AddColumn<string>(
                name: "PublicUrl",
                table: "Plt_Installation",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ExpiresAtUtc",
                table: "Plt_ApiKeys",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PublicUrl",
                table: "Plt_Installation");

            migrationBuilder.DropColumn(
                name: "ExpiresAtUtc",
                table: "Plt_ApiKeys");

            migrationBuilder.CreateIndex(
                name: "IX_Ref_ReferenceItems_TenantId",
                table: "Ref_ReferenceItems",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Persons_TenantId",
                table: "Mbr_Persons",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_PersonGroups_TenantId",
                table: "Mbr_PersonGroups",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_ImportSessions_TenantId",
                table: "Mbr_ImportSessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Households_TenantId",
                table: "Mbr_Households",
                column: "TenantId");
        }
    }
}
