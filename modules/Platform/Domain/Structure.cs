namespace CentresConnectes.Platform.Domain;

/// <summary>A social centre: the tenant. Owned by the host (super-admin), not by itself.</summary>
public sealed class Structure
{
    private Structure() { }

    public Structure(string name, string slug, string? contactEmail, string? contactPhone, DateTime nowUtc)
    {
        Id = Guid.CreateVersion7();
        Rename(name);
        Slug = slug;
        ContactEmail = contactEmail;
        ContactPhone = contactPhone;
        IsActive = true;
        CreatedAtUtc = nowUtc;
    }

    public Guid Id { get; private set; }
    public string Name { get; private set; } = "";
    public string Slug { get; private set; } = "";
    public string? ContactEmail { get; set; }
    public string? ContactPhone { get; set; }
    public bool IsActive { get; private set; }
    public DateTime CreatedAtUtc { get; private set; }

    public void Rename(string name) => Name = name.Trim();

    public void Suspend() => IsActive = false;

    public void Reactivate() => IsActive = true;
}
