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
            e.ToTable("Ludo_Presences");
            e.HasOne<Slot>().WithMany().HasForeignKey(p => p.SlotId).OnDelete(DeleteBehavior.Restrict);
            // One presence per person and slot, whatever two tablets do at the same moment.
            e.HasIndex(p => new { p.TenantId, p.SlotId, p.PersonId }).IsUnique().HasDatabaseName("UX_Ludo_Presences_SlotPerson");
            // Deletion checks of the register and "last contact".
            e.HasIndex(p => new { p.TenantId, p.PersonId });
            e.HasIndex(p => new { p.TenantId, p.HouseholdId });
        });

        KioskModel.Configure(b);
    }
}
