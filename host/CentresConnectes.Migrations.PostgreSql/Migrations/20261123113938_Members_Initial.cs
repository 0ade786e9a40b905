using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Members_Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Mbr_Households",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mbr_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mbr_ImportSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: true),
                    CreatedById = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    OptionsJson = table.Column<string>(type: "text", nullable: true),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ImportedCount = table.Column<int>(type: "integer", nullable: false),
                    MergedCount = table.Column<int>(type: "integer", nullable: false),
                    DuplicateCount = table.Column<int>(type: "integer", nullable: false),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mbr_ImportSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mbr_Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "uuid", nullable: true),
                    LastName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "date", nullable: false),
                    NormalizedName = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false, collation: "C"),
                    NormalizedFirstLast = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: false, collation: "C"),
                    DuplicateKey = table.Column<string>(type: "character varying(201)", maxLength: 201, nullable: true),
                    SexeId = table.Column<Guid>(type: "uuid", nullable: true),
                    VilleId = table.Column<Guid>(type: "uuid", nullable: true),
                    StatutId = table.Column<Guid>(type: "uuid", nullable: true),
                    MinimaSociauxId = table.Column<Guid>(type: "uuid", nullable: true),
                    QuotientFamilialId = table.Column<Guid>(type: "uuid", nullable: true),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    MobileE164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    AvatarKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Notes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ConsentSms = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentSmsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsentSmsBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ConsentEmail = table.Column<bool>(type: "boolean", nullable: false),
                    ConsentEmailAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsentEmailBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    IsAnonymised = table.Column<bool>(type: "boolean", nullable: false),
                    AnonymisedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mbr_Persons", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Mbr_Persons_Mbr_Households_HouseholdId",
                        column: x => x.HouseholdId,
                        principalTable: "Mbr_Households",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Mbr_PersonGroups",
                columns: table => new
                {
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    GroupId = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mbr_PersonGroups", x => new { x.PersonId, x.GroupId });
                    table.ForeignKey(
                        name: "FK_Mbr_PersonGroups_Mbr_Persons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "Mbr_Persons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Households_TenantId",
                table: "Mbr_Households",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Households_TenantId_NormalizedName_Id",
                table: "Mbr_Households",
                columns: new[] { "TenantId", "NormalizedName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_ImportSessions_TenantId",
                table: "Mbr_ImportSessions",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_ImportSessions_TenantId_CreatedAtUtc",
                table: "Mbr_ImportSessions",
                columns: new[] { "TenantId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_PersonGroups_TenantId",
                table: "Mbr_PersonGroups",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_PersonGroups_TenantId_GroupId_PersonId",
                table: "Mbr_PersonGroups",
                columns: new[] { "TenantId", "GroupId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Persons_FirstLast",
                table: "Mbr_Persons",
                columns: new[] { "TenantId", "IsAnonymised", "NormalizedFirstLast" });

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Persons_HouseholdId",
                table: "Mbr_Persons",
                column: "HouseholdId");

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Persons_Sort",
                table: "Mbr_Persons",
                columns: new[] { "TenantId", "IsAnonymised", "NormalizedName", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Mbr_Persons_TenantId",
                table: "Mbr_Persons",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "UX_Mbr_Persons_Email",
                table: "Mbr_Persons",
                columns: new[] { "TenantId", "NormalizedEmail" },
                unique: true,
                filter: "\"NormalizedEmail\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "UX_Mbr_Persons_Identity",
                table: "Mbr_Persons",
                columns: new[] { "TenantId", "DuplicateKey", "DateOfBirth" },
                unique: true,
                filter: "\"IsAnonymised\" = false");

            migrationBuilder.CreateIndex(
                name: "UX_Mbr_Persons_Mobile",
                table: "Mbr_Persons",
                columns: new[] { "TenantId", "MobileE164" },
                unique: true,
                filter: "\"MobileE164\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Mbr_ImportSessions");

            migrationBuilder.DropTable(
                name: "Mbr_PersonGroups");

            migrationBuilder.DropTable(
                name: "Mbr_Persons");

            migrationBuilder.DropTable(
                name: "Mbr_Households");
        }
    }
}
