using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Members.Domain;

/// <summary>A family (foyer): persons living together, registered together.</summary>
public sealed class Household : IMultiTenant
{
    public const int AddressMaxLength = 500;

    private Household() { }

    public Household(string name, string? address, string? notes, DateTime createdAtUtc)
    {
        Id = Guid.CreateVersion7();
        Name = name;
        NormalizedName = NameNormalizer.SortKey(name);
        Address = address;
        Notes = notes;
        CreatedAtUtc = createdAtUtc;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Name { get; private set; } = "";
    /// <summary>Sort and search key (accents and case removed).</summary>
    public string NormalizedName { get; private set; } = "";
    public string? Address { get; private set; }
    public string? Notes { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public void Update(string name, string? address, string? notes)
    {
        Name = name;
        NormalizedName = NameNormalizer.SortKey(name);
        Address = address;
        Notes = notes;
    }

    /// <summary>Its last identifiable member was anonymised: the name, address and notes go too (ADR 0015).</summary>
    public void Anonymise() => Update(AnonymisedName, null, null);

    public const string AnonymisedName = "Famille anonyme";
}
