using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReferenceData_SensitiveGroups : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsSensitive",
                table: "Ref_ReferenceItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsSensitive",
                table: "Ref_DefaultItems",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000100000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000100000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000200000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000200000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000200000003"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000200000004"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000003"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000004"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000005"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000006"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000300000007"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000400000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000400000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000400000003"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000400000004"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000400000005"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000500000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000500000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000500000003"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000500000004"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000500000005"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000500000006"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000600000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000600000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000600000003"),
                column: "IsSensitive",
                value: true);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000600000004"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000700000001"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000700000002"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000700000003"),
                column: "IsSensitive",
                value: false);

            migrationBuilder.UpdateData(
                table: "Ref_DefaultItems",
                keyColumn: "Id",
                keyValue: new Guid("0193a000-0000-7000-8000-000700000004"),
                column: "IsSensitive",
                value: false);

            // Data: the « RSA » group (code "rsa", list 6 = Groupe) of every existing structure becomes
            // sensitive, like the default copied into new structures (issue 11). Hand-written: keep it if
            // this migration is regenerated.
            migrationBuilder.Sql("UPDATE \"Ref_ReferenceItems\" SET \"IsSensitive\" = 1 WHERE \"Kind\" = 6 AND \"Code\" = 'rsa';");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "IsSensitive",
                table: "Ref_ReferenceItems");

            migrationBuilder.DropColumn(
                name: "IsSensitive",
                table: "Ref_DefaultItems");
        }
    }
}
