using CentresConnectes.Platform.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CentresConnectes.SmsAlerts.Data;

internal static class SmsAlertsModel
{
    public const string DeliveriesTable = "Sms_Deliveries";

    public static void Configure(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Reminder>(e =>
        {
            e.ToTable("Sms_Reminders");
            e.Property(r => r.Title).HasMaxLength(Reminder.TitleMaxLength).IsRequired();
            e.Property(r => r.Message).HasMaxLength(Reminder.MessageMaxLength).IsRequired();
            e.Property(r => r.TemplateKey).HasMaxLength(40);
            e.Property(r => r.LeadDays).HasMaxLength(60).IsRequired();
            e.Property(r => r.CreatedBy).HasMaxLength(256);
            e.HasIndex(r => new { r.TenantId, r.PersonId });
            e.HasIndex(r => new { r.IsActive, r.TenantId });
        });

        b.Entity<ReminderOccurrence>(e =>
        {
            e.ToTable("Sms_Occurrences");
            e.Property(o => o.DoneBy).HasMaxLength(256);
            e.HasOne<Reminder>().WithMany().HasForeignKey(o => o.ReminderId).OnDelete(DeleteBehavior.Cascade);
            // One occurrence per due date: two planners racing write one row.
            e.HasIndex(o => new { o.ReminderId, o.DueDate }).IsUnique();
            e.HasIndex(o => new { o.TenantId, o.Status, o.DueDate });
            e.HasIndex(o => new { o.TenantId, o.PersonId });
        });

        b.Entity<Campaign>(e =>
        {
            e.ToTable("Sms_Campaigns");
            e.Property(c => c.Title).HasMaxLength(Campaign.TitleMaxLength).IsRequired();
            e.Property(c => c.Message).HasMaxLength(Campaign.MessageMaxLength).IsRequired();
            e.Property(c => c.Subject).HasMaxLength(200);
            e.Property(c => c.PauseReason).HasMaxLength(300);
            e.Property(c => c.CreatedBy).HasMaxLength(256);
            e.Property(c => c.CreatedByEmail).HasMaxLength(256);
            GuidList(e.Property(c => c.GroupIds));
            GuidList(e.Property(c => c.PersonIds));
            e.HasIndex(c => new { c.TenantId, c.CreatedAtUtc });
        });

        b.Entity<Delivery>(e =>
        {
            e.ToTable(DeliveriesTable);
            e.Property(d => d.Key).HasMaxLength(120).IsRequired();
            e.Property(d => d.Address).HasMaxLength(256).IsRequired();
            e.Property(d => d.Subject).HasMaxLength(200);
            e.Property(d => d.Body).HasMaxLength(2000).IsRequired();
            e.Property(d => d.SlotLabel).HasMaxLength(40);
            e.Property(d => d.ProviderMessageId).HasMaxLength(100);
            e.Property(d => d.FailureReason).HasMaxLength(Delivery.ReasonMaxLength);
            // Exactly once: one row per (campaign | occurrence and slot, person, channel), across instances.
            e.HasIndex(d => d.Key).IsUnique().HasDatabaseName("UX_Sms_Deliveries_Key");
            // The dispatcher's claim: due rows in order.
            e.HasIndex(d => new { d.Status, d.NotBeforeUtc }).HasDatabaseName("IX_Sms_Deliveries_Due");
            e.HasIndex(d => d.ClaimToken);
            e.HasIndex(d => new { d.TenantId, d.CampaignId, d.Status });
            e.HasIndex(d => new { d.TenantId, d.OccurrenceId });
            e.HasIndex(d => new { d.TenantId, d.PersonId });
            e.HasIndex(d => new { d.TenantId, d.DueUtc });
            e.HasIndex(d => new { d.TenantId, d.ProviderMessageId });
            e.HasOne<Campaign>().WithMany().HasForeignKey(d => d.CampaignId).OnDelete(DeleteBehavior.Cascade);
            e.HasOne<ReminderOccurrence>().WithMany().HasForeignKey(d => d.OccurrenceId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<SmsSettings>(e =>
        {
            e.ToTable("Sms_Settings");
            e.Property(s => s.ProtectedCredentials).HasMaxLength(4000);
            e.Property(s => s.SenderName).HasMaxLength(SmsSettings.SenderMaxLength).IsRequired();
            e.Property(s => s.StopMention).HasMaxLength(40).IsRequired();
            e.Property(s => s.AllowedDays).HasMaxLength(20).IsRequired();
            e.Property(s => s.WebhookToken).HasMaxLength(64).IsRequired();
            e.HasIndex(s => s.TenantId).IsUnique();
            e.HasIndex(s => s.WebhookToken).IsUnique();
        });

        b.Entity<JournalEntry>(e =>
        {
            e.ToTable("Sms_Journal");
            e.Property(j => j.To).HasMaxLength(256).IsRequired();
            e.Property(j => j.Body).HasMaxLength(2000).IsRequired();
            e.HasIndex(j => new { j.TenantId, j.AtUtc });
        });

        b.Entity<OptOut>(e =>
        {
            e.ToTable("Sms_OptOuts");
            e.Property(o => o.E164).HasMaxLength(20).IsRequired();
            e.HasIndex(o => new { o.TenantId, o.E164 }).IsUnique();
        });
    }

    /// <summary>A short list of ids as one text column ("id,id"): read and written with its row, never queried.</summary>
    private static void GuidList(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<List<Guid>> property) =>
        property.HasConversion(
                v => string.Join(',', v),
                s => s.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToList(),
                new ValueComparer<List<Guid>>((a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, g) => HashCode.Combine(h, g)), v => v.ToList()))
            .HasMaxLength(8000)
            .IsRequired();
}
