using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Members.Domain;

/// <summary>
/// A person of the register (individu). Reference values (sexe, ville, statut, minima sociaux,
/// quotient familial) are ids of the structure's reference lists, never navigation properties
/// (another module owns them).
/// </summary>
public sealed class Person : IMultiTenant
{
    public const int NameMaxLength = 100;
    public const int EmailMaxLength = 256;
    public const int NotesMaxLength = 4000;

    private Person() { }

    public Person(string lastName, string firstName, DateOnly dateOfBirth, DateOnly registeredOn)
    {
        Id = Guid.CreateVersion7();
        RegisteredOn = registeredOn;
        SetIdentity(lastName, firstName, dateOfBirth);
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid? HouseholdId { get; set; }

    public string LastName { get; private set; } = "";
    public string FirstName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }

    /// <summary>"nom prénom" without accents, case, hyphens or extra spaces: the alphabetical order and search by name.</summary>
    public string NormalizedName { get; private set; } = "";
    /// <summary>"prénom nom", same normalisation: search by first name.</summary>
    public string NormalizedFirstLast { get; private set; } = "";
    /// <summary>Letters and digits of nom and prénom only: the duplicate rule (with the date of birth). Null once anonymised.</summary>
    public string? DuplicateKey { get; private set; }

    public Guid? SexeId { get; set; }
    public Guid? VilleId { get; set; }
    public Guid? StatutId { get; set; }
    public Guid? MinimaSociauxId { get; set; }
    public Guid? QuotientFamilialId { get; set; }

    public string? Email { get; private set; }
    public string? NormalizedEmail { get; private set; }
    /// <summary>Mobile number in E.164 (+33612345678).</summary>
    public string? MobileE164 { get; private set; }
    /// <summary>Landline (or any other number) in E.164: shown and exported, never used for SMS, not unique.</summary>
    public string? LandlineE164 { get; set; }

    public string AvatarKey { get; set; } = Avatars.Default;
    public DateOnly RegisteredOn { get; set; }
    public string? Notes { get; set; }

    public bool ConsentSms { get; private set; }
    public DateTime? ConsentSmsAtUtc { get; private set; }
    public string? ConsentSmsBy { get; private set; }
    public bool ConsentEmail { get; private set; }
    public DateTime? ConsentEmailAtUtc { get; private set; }
    public string? ConsentEmailBy { get; private set; }

    public bool IsAnonymised { get; private set; }
    public DateTime? AnonymisedAtUtc { get; private set; }

    public DateTime CreatedAtUtc { get; set; }
    public DateTime? UpdatedAtUtc { get; set; }

    public void SetIdentity(string lastName, string firstName, DateOnly dateOfBirth)
    {
        LastName = lastName;
        FirstName = firstName;
        DateOfBirth = dateOfBirth;
        NormalizedName = NameNormalizer.SortKey(lastName + " " + firstName);
        NormalizedFirstLast = NameNormalizer.SortKey(firstName + " " + lastName);
        DuplicateKey = NameNormalizer.DuplicateKey(lastName, firstName);
    }

    public void SetContact(string? email, string? mobileE164)
    {
        Email = email;
        NormalizedEmail = NameNormalizer.Email(email);
        MobileE164 = mobileE164;
    }

    /// <summary>Records a consent change with when and who; an unchanged flag keeps its original date.</summary>
    public void SetConsent(bool sms, bool email, string recordedBy, DateTime nowUtc)
    {
        if (sms != ConsentSms || (sms && ConsentSmsAtUtc is null))
        {
            ConsentSms = sms;
            ConsentSmsAtUtc = nowUtc;
            ConsentSmsBy = recordedBy;
        }
        if (email != ConsentEmail || (email && ConsentEmailAtUtc is null))
        {
            ConsentEmail = email;
            ConsentEmailAtUtc = nowUtc;
            ConsentEmailBy = recordedBy;
        }
    }

    /// <summary>
    /// RGPD erasure that keeps statistics identical (SPEC §9, ADR 0015): what the figures count stays —
    /// sexe, exact date of birth (an age bracket on any calculation date needs the day), ville, statut,
    /// minima, QF, groups and the household link (familles, « enfants de parents au RSA ») — and is never
    /// shown again (every list and page leaves anonymised persons out); identity, contact details,
    /// consents and notes go.
    /// </summary>
    public void Anonymise(DateTime nowUtc)
    {
        LastName = "Anonyme";
        FirstName = "";
        NormalizedName = "~anonyme";
        NormalizedFirstLast = "~anonyme";
        DuplicateKey = null;
        Email = null;
        NormalizedEmail = null;
        MobileE164 = null;
        LandlineE164 = null;
        Notes = null;
        AvatarKey = Avatars.Default;
        ConsentSms = false;
        ConsentEmail = false;
        ConsentSmsBy = null;
        ConsentEmailBy = null;
        ConsentSmsAtUtc = null;
        ConsentEmailAtUtc = null;
        IsAnonymised = true;
        AnonymisedAtUtc = nowUtc;
        UpdatedAtUtc = nowUtc;
    }
}

/// <summary>A person's membership of a group (a value of the structure's "Groupes" list).</summary>
public sealed class PersonGroup : IMultiTenant
{
    private PersonGroup() { }

    public PersonGroup(Guid personId, Guid groupId)
    {
        PersonId = personId;
        GroupId = groupId;
    }

    public Guid TenantId { get; private set; }
    public Guid PersonId { get; private set; }
    public Guid GroupId { get; private set; }
}
