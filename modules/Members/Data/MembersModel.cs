using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Contracts;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.Members.Data;

internal static class MembersModel
{
    public static void Configure(ModelBuilder b, DatabaseProvider provider)
    {
        var notAnonymised = provider == DatabaseProvider.PostgreSql ? "\"IsAnonymised\" = false" : "\"IsAnonymised\" = 0";

        b.Entity<Household>(e =>
        {
            e.ToTable("Mbr_Households");
            e.Property(h => h.Name).HasMaxLength(Person.NameMaxLength).IsRequired();
            e.Property(h => h.NormalizedName).HasMaxLength(Person.NameMaxLength).IsRequired();
            e.Property(h => h.Address).HasMaxLength(Household.AddressMaxLength);
            e.Property(h => h.Notes).HasMaxLength(Person.NotesMaxLength);
            e.HasIndex(h => new { h.TenantId, h.NormalizedName, h.Id });
            SortKey(e.Property(h => h.NormalizedName), provider);
        });

        b.Entity<Person>(e =>
        {
            e.ToTable("Mbr_Persons");
            e.Property(p => p.LastName).HasMaxLength(Person.NameMaxLength).IsRequired();
            e.Property(p => p.FirstName).HasMaxLength(Person.NameMaxLength).IsRequired();
            e.Property(p => p.NormalizedName).HasMaxLength(2 * Person.NameMaxLength + 1).IsRequired();
            e.Property(p => p.NormalizedFirstLast).HasMaxLength(2 * Person.NameMaxLength + 1).IsRequired();
            e.Property(p => p.DuplicateKey).HasMaxLength(2 * Person.NameMaxLength + 1);
            e.Property(p => p.Email).HasMaxLength(Person.EmailMaxLength);
            e.Property(p => p.NormalizedEmail).HasMaxLength(Person.EmailMaxLength);
            e.Property(p => p.MobileE164).HasMaxLength(20);
            e.Property(p => p.LandlineE164).HasMaxLength(20);
            e.Property(p => p.AvatarKey).HasMaxLength(40).IsRequired();
            e.Property(p => p.Notes).HasMaxLength(Person.NotesMaxLength);
            e.Property(p => p.ConsentSmsBy).HasMaxLength(256);
            e.Property(p => p.ConsentEmailBy).HasMaxLength(256);
            SortKey(e.Property(p => p.NormalizedName), provider);
            SortKey(e.Property(p => p.NormalizedFirstLast), provider);
            SortKey(e.Property(p => p.NormalizedEmail), provider);
            SortKey(e.Property(p => p.MobileE164), provider);

            e.HasOne<Household>().WithMany().HasForeignKey(p => p.HouseholdId).OnDelete(DeleteBehavior.Restrict);

            // The duplicate rule, enforced by the database so two simultaneous registrations give one row.
            e.HasIndex(p => new { p.TenantId, p.DuplicateKey, p.DateOfBirth }).IsUnique()
                .HasFilter(notAnonymised).HasDatabaseName("UX_Mbr_Persons_Identity");
            e.HasIndex(p => new { p.TenantId, p.MobileE164 }).IsUnique()
                .HasFilter("\"MobileE164\" IS NOT NULL").HasDatabaseName("UX_Mbr_Persons_Mobile");
            e.HasIndex(p => new { p.TenantId, p.NormalizedEmail }).IsUnique()
                .HasFilter("\"NormalizedEmail\" IS NOT NULL").HasDatabaseName("UX_Mbr_Persons_Email");
            // Alphabetical pages and prefix search (range scans on the ASCII keys).
            e.HasIndex(p => new { p.TenantId, p.IsAnonymised, p.NormalizedName, p.Id }).HasDatabaseName("IX_Mbr_Persons_Sort");
            e.HasIndex(p => new { p.TenantId, p.IsAnonymised, p.NormalizedFirstLast }).HasDatabaseName("IX_Mbr_Persons_FirstLast");
            // Family members are found by HouseholdId (the foreign key's own index); age brackets filter
            // while the sort index walks the structure's persons: no more indexes, they slow imports.
        });

        b.Entity<PersonGroup>(e =>
        {
            e.ToTable("Mbr_PersonGroups");
            e.HasKey(g => new { g.PersonId, g.GroupId });
            e.HasOne<Person>().WithMany().HasForeignKey(g => g.PersonId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(g => new { g.TenantId, g.GroupId, g.PersonId });
        });

        b.Entity<ImportSession>(e =>
        {
            e.ToTable("Mbr_ImportSessions");
            e.Property(s => s.FileName).HasMaxLength(260).IsRequired();
            e.Property(s => s.CreatedBy).HasMaxLength(256);
            e.Property(s => s.Message).HasMaxLength(2000);
            e.HasIndex(s => new { s.TenantId, s.CreatedAtUtc });
        });
    }

    /// <summary>
    /// The ASCII sort keys compare byte by byte: PostgreSQL's "C" collation (a linguistic one would
    /// ignore the spaces between nom and prénom, and could not serve prefix ranges from the index);
    /// SQLite's default BINARY collation already does.
    /// </summary>
    private static void SortKey<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> property, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.PostgreSql)
            property.UseCollation("C");
    }
}
