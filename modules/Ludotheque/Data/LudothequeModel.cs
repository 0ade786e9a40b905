using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Data;

internal static class LudothequeModel
{
    public static void Configure(ModelBuilder b, DatabaseProvider provider)
    {
        b.Entity<Slot>(e =>
        {
            e.ToTable("Ludo_Slots");
            e.Ignore(s => s.TimeRangeText);
            // Generation is idempotent: the same slot twice is refused by the database too.
            e.HasIndex(s => new { s.TenantId, s.Date, s.Start, s.End }).IsUnique().HasDatabaseName("UX_Ludo_Slots_Day");
            // "Which slot is open now?" and period lists.
            e.HasIndex(s => new { s.TenantId, s.StartsAtUtc });
        });

        b.Entity<Presence>(e =>
        {
            // The tallies' triggers (ADR 0021): declared so that EF never relies on RETURNING past them.
            e.ToTable("Ludo_Presences", t => { t.HasTrigger(PresenceTally.InsertTrigger); t.HasTrigger(PresenceTally.DeleteTrigger); });
            e.HasOne<Slot>().WithMany().HasForeignKey(p => p.SlotId).OnDelete(DeleteBehavior.Restrict);
            // One presence per person and slot, whatever two tablets do at the same moment.
            e.HasIndex(p => new { p.TenantId, p.SlotId, p.PersonId }).IsUnique().HasDatabaseName("UX_Ludo_Presences_SlotPerson");
            // Deletion checks of the register and "last contact".
            e.HasIndex(p => new { p.TenantId, p.PersonId });
            e.HasIndex(p => new { p.TenantId, p.HouseholdId });
        });

        b.Entity<PresenceTally>(e =>
        {
            e.ToTable("Ludo_PresenceTallies");
            // The key the triggers upsert on; its prefix (structure, span, start) is what a period reads.
            e.HasKey(t => new { t.TenantId, t.Span, t.Start, t.PersonId, t.HouseholdId });
        });

        KioskModel.Configure(b);
    }
}
