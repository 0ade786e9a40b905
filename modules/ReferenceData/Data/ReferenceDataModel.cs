using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Data;

/// <summary>The module's part of the single model (tables Ref_*). The tenant filter is added by AppDbContext.</summary>
internal static class ReferenceDataModel
{
    public static void Configure(ModelBuilder b, DatabaseProvider provider)
    {
        // Same text on both providers ("Code" quoted for PostgreSQL, harmless on SQLite).
        const string hasCode = "\"Code\" IS NOT NULL";

        b.Entity<ReferenceItem>(e =>
        {
            e.ToTable("Ref_ReferenceItems");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Kind).HasConversion<int>();
            e.Property(i => i.Label).HasMaxLength(ReferenceItem.LabelMaxLength).IsRequired();
            e.Property(i => i.NormalizedLabel).HasMaxLength(ReferenceItem.LabelMaxLength).IsRequired();
            e.Property(i => i.Code).HasMaxLength(50);
            e.Property(i => i.Order).HasColumnName("SortOrder");
            // Duplicates refused by the database too (inactive values included: reactivate instead of re-adding).
            e.HasIndex(i => new { i.TenantId, i.Kind, i.NormalizedLabel }).IsUnique();
            e.HasIndex(i => new { i.TenantId, i.Kind, i.Code }).IsUnique().HasFilter(hasCode);
        });

        b.Entity<AgeBracket>(e =>
        {
            e.ToTable("Ref_AgeBrackets");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Label).HasMaxLength(AgeBracket.LabelMaxLength).IsRequired();
            e.Property(a => a.Order).HasColumnName("SortOrder");
        });

        b.Entity<StructureSettings>(e =>
        {
            e.ToTable("Ref_StructureSettings");
            e.Property(s => s.Id).ValueGeneratedNever();
            e.HasIndex(s => s.TenantId).IsUnique();
            e.Property(s => s.WelcomeMessageHtml).HasMaxLength(20_000);
            e.Property(s => s.LogoOriginalContentType).HasMaxLength(50);
            e.Property(s => s.LogoResizedContentType).HasMaxLength(50);
            e.Property(s => s.Address).HasMaxLength(300);
            e.Property(s => s.Phone).HasMaxLength(32);
            e.Property(s => s.Email).HasMaxLength(256);
            e.Property(s => s.OpeningNotice).HasMaxLength(2000);
            e.Ignore(s => s.HasLogo);
        });

        b.Entity<DefaultReferenceItem>(e =>
        {
            e.ToTable("Ref_DefaultItems");
            e.Property(i => i.Id).ValueGeneratedNever();
            e.Property(i => i.Kind).HasConversion<int>();
            e.Property(i => i.Label).HasMaxLength(ReferenceItem.LabelMaxLength).IsRequired();
            e.Property(i => i.NormalizedLabel).HasMaxLength(ReferenceItem.LabelMaxLength).IsRequired();
            e.Property(i => i.Code).HasMaxLength(50);
            e.Property(i => i.Order).HasColumnName("SortOrder");
            e.HasIndex(i => new { i.Kind, i.NormalizedLabel }).IsUnique();
            e.HasIndex(i => new { i.Kind, i.Code }).IsUnique().HasFilter(hasCode);
            e.HasData(SeedDefaults.Items.Select(i => new
            {
                i.Id,
                i.Kind,
                Label = i.Label,
                NormalizedLabel = LabelText.Normalize(i.Label),
                i.Code,
                i.Order,
                i.IsSensitive,
            }));
        });

        b.Entity<DefaultAgeBracket>(e =>
        {
            e.ToTable("Ref_DefaultAgeBrackets");
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Label).HasMaxLength(AgeBracket.LabelMaxLength).IsRequired();
            e.Property(a => a.Order).HasColumnName("SortOrder");
            e.HasData(SeedDefaults.Brackets.Select(a => new { a.Id, a.Label, a.MinAge, a.MaxAge, a.Order }));
        });
    }
}
