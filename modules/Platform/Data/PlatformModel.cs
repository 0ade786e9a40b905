using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Domain;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Platform.Data;

internal static class PlatformModel
{
    public static void Configure(ModelBuilder b)
    {
        // Identity tables under the module prefix (no schemas: SQLite).
        b.Entity<AppUser>(e =>
        {
            e.ToTable("Plt_Users");
            e.Property(u => u.DisplayName).HasMaxLength(200);
            // An address is unique within a structure (ADR 0020), not across them; the index also serves
            // the structure's own account lists (it starts with TenantId).
            e.HasIndex(u => new { u.TenantId, u.NormalizedEmail }).IsUnique();
        });
        b.Entity<AppRole>().ToTable("Plt_Roles");
        b.Entity<IdentityUserRole<Guid>>().ToTable("Plt_UserRoles");
        b.Entity<IdentityUserClaim<Guid>>().ToTable("Plt_UserClaims");
        b.Entity<IdentityUserLogin<Guid>>().ToTable("Plt_UserLogins");
        b.Entity<IdentityUserToken<Guid>>().ToTable("Plt_UserTokens");
        b.Entity<IdentityRoleClaim<Guid>>().ToTable("Plt_RoleClaims");
        b.Entity<DataProtectionKey>().ToTable("Plt_DataProtectionKeys");

        b.Entity<Structure>(e =>
        {
            e.ToTable("Plt_Structures");
            e.Property(s => s.Name).HasMaxLength(200).IsRequired();
            e.Property(s => s.Slug).HasMaxLength(100).IsRequired();
            e.HasIndex(s => s.Slug).IsUnique();
            e.Property(s => s.ContactEmail).HasMaxLength(256);
            e.Property(s => s.ContactPhone).HasMaxLength(32);
        });

        b.Entity<AuditEntry>(e =>
        {
            e.ToTable("Plt_AuditEntries");
            e.Property(a => a.Action).HasMaxLength(100).IsRequired();
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.ImpersonatorName).HasMaxLength(256);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(100);
            e.Property(a => a.Details).HasMaxLength(2000);
            e.HasIndex(a => new { a.TenantId, a.OccurredAtUtc });
        });

        b.Entity<ApiKey>(e =>
        {
            e.ToTable("Plt_ApiKeys");
            e.Property(k => k.Name).HasMaxLength(100).IsRequired();
            e.Property(k => k.Prefix).HasMaxLength(16).IsRequired();
            e.HasIndex(k => k.Prefix).IsUnique();
            e.HasIndex(k => k.UserId);
            e.Ignore(k => k.IsActive);
            e.HasOne<AppUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        });

        b.Entity<KioskDevice>(e =>
        {
            e.ToTable("Plt_KioskDevices");
            e.Property(d => d.Name).HasMaxLength(KioskDevice.NameMaxLength).IsRequired();
            e.Property(d => d.TokenHash).HasMaxLength(32).IsRequired();
            e.HasIndex(d => d.TokenHash).IsUnique();
            e.Ignore(d => d.IsActive);
        });

        b.Entity<Installation>(e =>
        {
            e.ToTable("Plt_Installation");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.PublicUrl).HasMaxLength(300);
        });
    }
}
