using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.ReferenceData.Domain;

/// <summary>
/// One value of one of a structure's lists. <see cref="NormalizedLabel"/> carries a unique index per
/// structure and list, so two "Lille" (or "lille", "Lillé"…) can never coexist, even under a race.
/// </summary>
public sealed class ReferenceItem : IMultiTenant, IOrderedValue
{
    public const int LabelMaxLength = 100;

    private ReferenceItem() { }

    public ReferenceItem(ReferenceListKind kind, string label, string? code, int order, bool isSensitive = false)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Code = code;
        Order = order;
        IsActive = true;
        Rename(label);
        SetSensitive(isSensitive);
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public ReferenceListKind Kind { get; private set; }
    public string Label { get; private set; } = "";
    public string NormalizedLabel { get; private set; } = "";
    /// <summary>Stable key of a default value ("rsa", "mere"…); null for the values a structure adds.</summary>
    public string? Code { get; private set; }
    public int Order { get; private set; }
    int IOrderedValue.Order { get => Order; set => Order = value; }
    public bool IsActive { get; private set; }
    /// <summary>
    /// A group that reveals social data (« RSA »…): shown, filtered and exported only for those who may
    /// see the social fields. Only groups can be sensitive.
    /// </summary>
    public bool IsSensitive { get; private set; }

    public void Rename(string label)
    {
        Label = LabelText.Clean(label);
        NormalizedLabel = LabelText.Normalize(Label);
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public void SetSensitive(bool sensitive) => IsSensitive = sensitive && Kind == ReferenceListKind.Groupe;

    public ReferenceItemDto ToDto() => new(Id, Kind, Label, Code, Order, IsActive, IsSensitive);
}

/// <summary>An age bracket for the statistics (bounds in whole years, inclusive).</summary>
public sealed class AgeBracket : IMultiTenant, IAgeRange
{
    public const int LabelMaxLength = 50;
    public const int MaxAgeLimit = 120;

    private AgeBracket() { }

    public AgeBracket(string label, int minAge, int maxAge, int order)
    {
        Id = Guid.CreateVersion7();
        Update(label, minAge, maxAge);
        Order = order;
        IsActive = true;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public string Label { get; private set; } = "";
    public int MinAge { get; private set; }
    public int MaxAge { get; private set; }
    public int Order { get; private set; }
    int IOrderedValue.Order { get => Order; set => Order = value; }
    public bool IsActive { get; private set; }

    public void Update(string label, int minAge, int maxAge)
    {
        Label = LabelText.Clean(label);
        MinAge = minAge;
        MaxAge = maxAge;
    }

    public void Deactivate() => IsActive = false;

    public void Reactivate() => IsActive = true;

    public static string DefaultLabel(int minAge, int maxAge) => $"{minAge} à {maxAge} ans";

    public AgeBracketDto ToDto() => new(Id, Label, MinAge, MaxAge, Order, IsActive);
}
