using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CentresConnectes.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class SmsAlerts_Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Sms_Campaigns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    Message = table.Column<string>(type: "character varying(1600)", maxLength: 1600, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    GroupIds = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    PersonIds = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RequestedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StartsAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RecipientCount = table.Column<int>(type: "integer", nullable: false),
                    SmsSegments = table.Column<int>(type: "integer", nullable: false),
                    ReusedFromId = table.Column<Guid>(type: "uuid", nullable: true),
                    PauseReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedByEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_Campaigns", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sms_Journal",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_Journal", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sms_OptOuts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    E164 = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_OptOuts", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sms_Reminders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    Title = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    TemplateKey = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Channels = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    FirstDate = table.Column<DateOnly>(type: "date", nullable: false),
                    Time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    Recurrence = table.Column<int>(type: "integer", nullable: false),
                    LeadDays = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    NudgeEveryDays = table.Column<int>(type: "integer", nullable: true),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_Reminders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sms_Settings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Provider = table.Column<int>(type: "integer", nullable: false),
                    ProtectedCredentials = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    MonthlyQuota = table.Column<int>(type: "integer", nullable: true),
                    CostPerSegmentCents = table.Column<int>(type: "integer", nullable: false),
                    SenderName = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    StopMention = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    QuietEnd = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    QuietStart = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    AllowedDays = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    HolidaysAllowed = table.Column<bool>(type: "boolean", nullable: false),
                    WebhookToken = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_Settings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sms_Occurrences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReminderId = table.Column<Guid>(type: "uuid", nullable: false),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    DueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    WindowEnd = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DoneAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DoneBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_Occurrences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sms_Occurrences_Sms_Reminders_ReminderId",
                        column: x => x.ReminderId,
                        principalTable: "Sms_Reminders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Sms_Deliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    TenantId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    CampaignId = table.Column<Guid>(type: "uuid", nullable: true),
                    OccurrenceId = table.Column<Guid>(type: "uuid", nullable: true),
                    CategoryId = table.Column<Guid>(type: "uuid", nullable: true),
                    PersonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Channel = table.Column<int>(type: "integer", nullable: false),
                    Address = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Body = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Segments = table.Column<int>(type: "integer", nullable: false),
                    SlotLabel = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    IsTest = table.Column<bool>(type: "boolean", nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    DueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    NotBeforeUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ExpiresAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<Guid>(type: "uuid", nullable: true),
                    InFlight = table.Column<bool>(type: "boolean", nullable: false),
                    ClaimedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Provider = table.Column<int>(type: "integer", nullable: true),
                    ProviderMessageId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    FailureReason = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    SentAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DeliveredAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sms_Deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Sms_Deliveries_Sms_Campaigns_CampaignId",
                        column: x => x.CampaignId,
                        principalTable: "Sms_Campaigns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Sms_Deliveries_Sms_Occurrences_OccurrenceId",
                        column: x => x.OccurrenceId,
                        principalTable: "Sms_Occurrences",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Campaigns_TenantId",
                table: "Sms_Campaigns",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Campaigns_TenantId_CreatedAtUtc",
                table: "Sms_Campaigns",
                columns: new[] { "TenantId", "CreatedAtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_CampaignId",
                table: "Sms_Deliveries",
                column: "CampaignId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_ClaimToken",
                table: "Sms_Deliveries",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_Due",
                table: "Sms_Deliveries",
                columns: new[] { "Status", "NotBeforeUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_OccurrenceId",
                table: "Sms_Deliveries",
                column: "OccurrenceId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId",
                table: "Sms_Deliveries",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId_CampaignId_Status",
                table: "Sms_Deliveries",
                columns: new[] { "TenantId", "CampaignId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId_DueUtc",
                table: "Sms_Deliveries",
                columns: new[] { "TenantId", "DueUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId_OccurrenceId",
                table: "Sms_Deliveries",
                columns: new[] { "TenantId", "OccurrenceId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId_PersonId",
                table: "Sms_Deliveries",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Deliveries_TenantId_ProviderMessageId",
                table: "Sms_Deliveries",
                columns: new[] { "TenantId", "ProviderMessageId" });

            migrationBuilder.CreateIndex(
                name: "UX_Sms_Deliveries_Key",
                table: "Sms_Deliveries",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Journal_TenantId",
                table: "Sms_Journal",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Journal_TenantId_AtUtc",
                table: "Sms_Journal",
                columns: new[] { "TenantId", "AtUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Occurrences_ReminderId_DueDate",
                table: "Sms_Occurrences",
                columns: new[] { "ReminderId", "DueDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Occurrences_TenantId",
                table: "Sms_Occurrences",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Occurrences_TenantId_PersonId",
                table: "Sms_Occurrences",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Occurrences_TenantId_Status_DueDate",
                table: "Sms_Occurrences",
                columns: new[] { "TenantId", "Status", "DueDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_OptOuts_TenantId",
                table: "Sms_OptOuts",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_OptOuts_TenantId_E164",
                table: "Sms_OptOuts",
                columns: new[] { "TenantId", "E164" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Reminders_IsActive_TenantId",
                table: "Sms_Reminders",
                columns: new[] { "IsActive", "TenantId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Reminders_TenantId",
                table: "Sms_Reminders",
                column: "TenantId");

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Reminders_TenantId_PersonId",
                table: "Sms_Reminders",
                columns: new[] { "TenantId", "PersonId" });

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Settings_TenantId",
                table: "Sms_Settings",
                column: "TenantId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Sms_Settings_WebhookToken",
                table: "Sms_Settings",
                column: "WebhookToken",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Sms_Deliveries");

            migrationBuilder.DropTable(
                name: "Sms_Journal");

            migrationBuilder.DropTable(
                name: "Sms_OptOuts");

            migrationBuilder.DropTable(
                name: "Sms_Settings");

            migrationBuilder.DropTable(
                name: "Sms_Campaigns");

            migrationBuilder.DropTable(
                name: "Sms_Occurrences");

            migrationBuilder.DropTable(
                name: "Sms_Reminders");
        }
    }
}
