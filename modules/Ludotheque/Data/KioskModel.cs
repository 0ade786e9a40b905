using CentresConnectes.Ludotheque.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Ludotheque.Data;

/// <summary>Family accounts and QR cards (the kiosk's half of the module).</summary>
internal static class KioskModel
{
    public static void Configure(ModelBuilder b)
    {
        b.Entity<FamilyAccount>(e =>
        {
            e.ToTable("Ludo_FamilyAccounts");
            e.Property(a => a.Login).HasMaxLength(FamilyAccount.LoginMaxLength).IsRequired();
            e.Property(a => a.NormalizedLogin).HasMaxLength(FamilyAccount.LoginMaxLength).IsRequired();
            e.Property(a => a.ContactEmail).HasMaxLength(256);
            // Unique within a structure, not across the installation (one account per centre attended).
            e.HasIndex(a => new { a.TenantId, a.NormalizedLogin }).IsUnique();
            e.HasIndex(a => new { a.TenantId, a.HouseholdId }).IsUnique();
            e.HasIndex(a => new { a.TenantId, a.ContactEmail });
            e.HasIndex(a => a.UserId).IsUnique();
            e.Property(a => a.VerifiedBy).HasMaxLength(200);
            e.Ignore(a => a.IsActive);
            e.Ignore(a => a.IsToVerify);
        });

        b.Entity<FamilyCard>(e =>
        {
            e.ToTable("Ludo_FamilyCards");
            e.Property(c => c.TokenHash).HasMaxLength(32).IsRequired();
            e.HasIndex(c => c.TokenHash).IsUnique();
            e.HasIndex(c => new { c.TenantId, c.HouseholdId });
            e.Ignore(c => c.IsActive);
        });
    }
}
