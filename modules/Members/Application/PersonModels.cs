using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Members.Application;

/// <summary>What a form or an API client sends to register or edit a person.</summary>
public sealed class PersonInput
{
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public Guid? SexeId { get; set; }
    public Guid? VilleId { get; set; }
    public Guid? StatutId { get; set; }
    /// <summary>Ignored without the social data permission.</summary>
    public Guid? MinimaSociauxId { get; set; }
    /// <summary>Ignored without the social data permission.</summary>
    public Guid? QuotientFamilialId { get; set; }
    public string? Email { get; set; }
    /// <summary>Any usual French format; stored as E.164.</summary>
    public string? Mobile { get; set; }
    /// <summary>A landline (or any other number), never used for SMS; stored as E.164.</summary>
    public string? Landline { get; set; }
    public string? AvatarKey { get; set; }
    public DateOnly? RegisteredOn { get; set; }
    /// <summary>Ignored without the notes permission.</summary>
    public string? Notes { get; set; }
    public bool ConsentSms { get; set; }
    public bool ConsentEmail { get; set; }
    public Guid? HouseholdId { get; set; }
    public List<Guid> GroupIds { get; set; } = [];
}

public sealed record LabelledId(Guid Id, string Label);

/// <summary>A person's profile as shown and returned by the API (social fields and sensitive groups only with the social-data permission, notes only with theirs).</summary>
public sealed record PersonDetails(
    Guid Id,
    string LastName,
    string FirstName,
    DateOnly DateOfBirth,
    string Age,
    Guid? SexeId, string? Sexe,
    Guid? VilleId, string? Ville,
    Guid? StatutId, string? Statut,
    bool SocialDataVisible,
    Guid? MinimaSociauxId, string? MinimaSociaux,
    Guid? QuotientFamilialId, string? QuotientFamilial,
    string? Email,
    string? MobileE164,
    string Mobile,
    string AvatarKey,
    string AvatarUrl,
    DateOnly RegisteredOn,
    string? Notes,
    bool ConsentSms, DateTime? ConsentSmsAtUtc, string? ConsentSmsBy,
    bool ConsentEmail, DateTime? ConsentEmailAtUtc, string? ConsentEmailBy,
    Guid? HouseholdId, string? HouseholdName,
    IReadOnlyList<LabelledId> Groups,
    bool IsAnonymised,
    DateTime CreatedAtUtc,
    bool NotesVisible = false,
    string? LandlineE164 = null,
    string Landline = "")
{
    public string FullName => $"{LastName} {FirstName}".Trim();
    public string DateOfBirthText => ParisTime.FormatDate(DateOfBirth);
    public string RegisteredOnText => ParisTime.FormatDate(RegisteredOn);
}

/// <summary>One line of the register's list.</summary>
public sealed record PersonRow(
    Guid Id,
    string LastName,
    string FirstName,
    DateOnly DateOfBirth,
    string Age,
    string? Ville,
    string Mobile,
    string? Email,
    string AvatarUrl,
    Guid? HouseholdId,
    string? HouseholdName,
    bool ConsentSms,
    bool ConsentEmail,
    IReadOnlyList<string> Groups)
{
    public string DateOfBirthText => ParisTime.FormatDate(DateOfBirth);
}

public enum ConsentFilter
{
    Any = 0,
    Sms = 1,
    Email = 2,
    None = 3,
}

/// <summary>The register's filters (list, export, API search).</summary>
public sealed class PersonFilter
{
    public string? Query { get; set; }
    public Guid? GroupId { get; set; }
    public Guid? AgeBracketId { get; set; }
    public ConsentFilter Consent { get; set; }
    public Guid? HouseholdId { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Query) && GroupId is null && AgeBracketId is null && Consent == ConsentFilter.Any && HouseholdId is null;
}
