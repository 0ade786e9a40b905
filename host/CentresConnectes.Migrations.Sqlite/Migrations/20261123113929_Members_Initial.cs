using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.Sqlite.Migrations
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
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mbr_Households", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mbr_ImportSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedById = table.Column<Guid>(type: "TEXT", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Status = table.Column<int>(type: "INTEGER", nullable: false),
                    OptionsJson = table.Column<string>(type: "TEXT", nullable: true),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ImportedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    MergedCount = table.Column<int>(type: "INTEGER", nullable: false),
                    DuplicateCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Mbr_ImportSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Mbr_Persons",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HouseholdId = table.Column<Guid>(type: "TEXT", nullable: true),
                    LastName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    FirstName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    DateOfBirth = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    NormalizedName = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    NormalizedFirstLast = table.Column<string>(type: "TEXT", maxLength: 201, nullable: false),
                    DuplicateKey = table.Column<string>(type: "TEXT", maxLength: 201, nullable: true),
                    SexeId = table.Column<Guid>(type: "TEXT", nullable: true),
                    VilleId = table.Column<Guid>(type: "TEXT", nullable: true),
                    StatutId = table.Column<Guid>(type: "TEXT", nullable: true),
                    MinimaSociauxId = table.Column<Guid>(type: "TEXT", nullable: true),
                    QuotientFamilialId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    NormalizedEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    MobileE164 = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    AvatarKey = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    ConsentSms = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentSmsAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentSmsBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    ConsentEmail = table.Column<bool>(type: "INTEGER", nullable: false),
                    ConsentEmailAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsentEmailBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    IsAnonymised = table.Column<bool>(type: "INTEGER", nullable: false),
                    AnonymisedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
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
                    PersonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    GroupId = table.Column<Guid>(type: "TEXT", nullable: false),
                    TenantId = table.Column<Guid>(type: "TEXT", nullable: false)
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
                filter: "\"IsAnonymised\" = 0");

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
