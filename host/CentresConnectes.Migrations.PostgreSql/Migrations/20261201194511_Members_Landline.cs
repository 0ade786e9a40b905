using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Members_Landline : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LandlineE164",
                table: "Mbr_Persons",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "LandlineE164",
                table: "Mbr_Persons");
        }
    }
}
