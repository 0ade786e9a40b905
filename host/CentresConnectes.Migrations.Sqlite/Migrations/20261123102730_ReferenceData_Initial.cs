using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

#pragma warning disable CA1814 // Prefer jagged arrays over multidimensional

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceData_Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Ref_AgeBrackets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ref_AgeBrackets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ref_DefaultAgeBrackets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MinAge = table.Column<int>(type: "INTEGER", nullable: false),
                    MaxAge = table.Column<int>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ref_DefaultAgeBrackets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ref_DefaultItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ref_DefaultItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ref_ReferenceItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Label = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ref_ReferenceItems", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Ref_StructureSettings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WelcomeMessageHtml = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    LogoOriginal = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LogoOriginalContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LogoOriginalWidth = table.Column<int>(type: "INTEGER", nullable: true),
                    LogoOriginalHeight = table.Column<int>(type: "INTEGER", nullable: true),
                    LogoResized = table.Column<byte[]>(type: "BLOB", nullable: true),
                    LogoResizedContentType = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    LogoResizedWidth = table.Column<int>(type: "INTEGER", nullable: true),
                    LogoResizedHeight = table.Column<int>(type: "INTEGER", nullable: true),
                    LogoMaxWidth = table.Column<int>(type: "INTEGER", nullable: false),
                    LogoMaxHeight = table.Column<int>(type: "INTEGER", nullable: false),
                    LogoUpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    OpeningNotice = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Ref_StructureSettings", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "Ref_DefaultAgeBrackets",
                columns: new[] { "Id", "Label", "MaxAge", "MinAge", "SortOrder" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-009900000001"), "0 à 2 ans", 2, 0, 1 },
                    { new Guid("0193a000-0000-7000-8000-009900000002"), "3 à 6 ans", 6, 3, 2 },
                    { new Guid("0193a000-0000-7000-8000-009900000003"), "7 à 11 ans", 11, 7, 3 },
                    { new Guid("0193a000-0000-7000-8000-009900000004"), "12 à 17 ans", 17, 12, 4 },
                    { new Guid("0193a000-0000-7000-8000-009900000005"), "18 à 54 ans", 54, 18, 5 },
                    { new Guid("0193a000-0000-7000-8000-009900000006"), "55 à 99 ans", 99, 55, 6 }
                });

            migrationBuilder.InsertData(
                table: "Ref_DefaultItems",
                columns: new[] { "Id", "Code", "Kind", "Label", "NormalizedLabel", "SortOrder" },
                values: new object[,]
                {
                    { new Guid("0193a000-0000-7000-8000-000100000001"), "f", 1, "Femme", "femme", 1 },
                    { new Guid("0193a000-0000-7000-8000-000100000002"), "m", 1, "Homme", "homme", 2 },
                    { new Guid("0193a000-0000-7000-8000-000200000001"), "faches-thumesnil", 2, "Faches-Thumesnil", "faches thumesnil", 1 },
                    { new Guid("0193a000-0000-7000-8000-000200000002"), "lille", 2, "Lille", "lille", 2 },
                    { new Guid("0193a000-0000-7000-8000-000200000003"), "ronchin", 2, "Ronchin", "ronchin", 3 },
                    { new Guid("0193a000-0000-7000-8000-000200000004"), "autres", 2, "Autres", "autres", 4 },
                    { new Guid("0193a000-0000-7000-8000-000300000001"), "mere", 3, "Mère", "mere", 1 },
                    { new Guid("0193a000-0000-7000-8000-000300000002"), "pere", 3, "Père", "pere", 2 },
                    { new Guid("0193a000-0000-7000-8000-000300000003"), "grand-mere", 3, "Grand-mère", "grand mere", 3 },
                    { new Guid("0193a000-0000-7000-8000-000300000004"), "grand-pere", 3, "Grand-père", "grand pere", 4 },
                    { new Guid("0193a000-0000-7000-8000-000300000005"), "assistante-maternelle", 3, "Assistant(e) maternelle", "assistant e maternelle", 5 },
                    { new Guid("0193a000-0000-7000-8000-000300000006"), "enfant-a-charge", 3, "Enfant à charge", "enfant a charge", 6 },
                    { new Guid("0193a000-0000-7000-8000-000300000007"), "enfant-garde", 3, "Enfant gardé", "enfant garde", 7 },
                    { new Guid("0193a000-0000-7000-8000-000400000001"), "non", 4, "Non", "non", 1 },
                    { new Guid("0193a000-0000-7000-8000-000400000002"), "rsa", 4, "RSA", "rsa", 2 },
                    { new Guid("0193a000-0000-7000-8000-000400000003"), "aah", 4, "AAH", "aah", 3 },
                    { new Guid("0193a000-0000-7000-8000-000400000004"), "aeh", 4, "AEH", "aeh", 4 },
                    { new Guid("0193a000-0000-7000-8000-000400000005"), "minimum-vieillesse", 4, "Minimum vieillesse", "minimum vieillesse", 5 },
                    { new Guid("0193a000-0000-7000-8000-000500000001"), "qf-0-480", 5, "0 à 480 €", "0 a 480 €", 1 },
                    { new Guid("0193a000-0000-7000-8000-000500000002"), "qf-481-581", 5, "481 à 581 €", "481 a 581 €", 2 },
                    { new Guid("0193a000-0000-7000-8000-000500000003"), "qf-582-683", 5, "582 à 683 €", "582 a 683 €", 3 },
                    { new Guid("0193a000-0000-7000-8000-000500000004"), "qf-684-792", 5, "684 à 792 €", "684 a 792 €", 4 },
                    { new Guid("0193a000-0000-7000-8000-000500000005"), "qf-793-963", 5, "793 à 963 €", "793 a 963 €", 5 },
                    { new Guid("0193a000-0000-7000-8000-000500000006"), "qf-plus-964", 5, "Plus de 964 €", "plus de 964 €", 6 },
                    { new Guid("0193a000-0000-7000-8000-000600000001"), "petite-enfance", 6, "Petite enfance", "petite enfance", 1 },
                    { new Guid("0193a000-0000-7000-8000-000600000002"), "jeunesse", 6, "Jeunesse", "jeunesse", 2 },
                    { new Guid("0193a000-0000-7000-8000-000600000003"), "rsa", 6, "RSA", "rsa", 3 },
                    { new Guid("0193a000-0000-7000-8000-000600000004"), "culture", 6, "Culture", "culture", 4 },
                    { new Guid("0193a000-0000-7000-8000-000700000001"), "caf", 7, "CAF", "caf", 1 },
                    { new Guid("0193a000-0000-7000-8000-000700000002"), "france-travail", 7, "France Travail", "france travail", 2 },
                    { new Guid("0193a000-0000-7000-8000-000700000003"), "rdv", 7, "Rendez-vous", "rendez vous", 3 },
                    { new Guid("0193a000-0000-7000-8000-000700000004"), "actualite", 7, "Actualité", "actualite", 4 }
                });

            migrationBuilder.CreateIndex(
                name: "IX_Ref_AgeBrackets_TenantId",
                table: "Ref_AgeBrackets",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ref_DefaultItems_Kind_Code",
                table: "Ref_DefaultItems",
                columns: new[] { "Kind", "Code" },
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ref_DefaultItems_Kind_NormalizedLabel",
                table: "Ref_DefaultItems",
                columns: new[] { "Kind", "NormalizedLabel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ref_ReferenceItems_TenantId",
                table: "Ref_ReferenceItems",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Ref_ReferenceItems_TenantId_Kind_Code",
                table: "Ref_ReferenceItems",
                columns: new[] { "TenantId", "Kind", "Code" },
                unique: true,
                filter: "\"Code\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Ref_ReferenceItems_TenantId_Kind_NormalizedLabel",
                table: "Ref_ReferenceItems",
                columns: new[] { "TenantId", "Kind", "NormalizedLabel" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Ref_StructureSettings_TenantId",
                table: "Ref_StructureSettings",
                column: "TenantId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Ref_AgeBrackets");

            migrationBuilder.DropTable(
                name: "Ref_DefaultAgeBrackets");

            migrationBuilder.DropTable(
                name: "Ref_DefaultItems");

            migrationBuilder.DropTable(
                name: "Ref_ReferenceItems");

            migrationBuilder.DropTable(
                name: "Ref_StructureSettings");
        }
    }
}
