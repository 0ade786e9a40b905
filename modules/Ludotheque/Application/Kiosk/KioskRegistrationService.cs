using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Application.Kiosk;

/// <summary>One line of the kiosk's family forms (« Inscription d'une nouvelle famille », « Ajouter un membre »), as the mock-up lists it.</summary>
public sealed class KioskMemberInput
{
    public string? LastName { get; set; }
    public string? FirstName { get; set; }
    public DateOnly? DateOfBirth { get; set; }
    public Guid? SexeId { get; set; }
    public Guid? VilleId { get; set; }
    public Guid? StatutId { get; set; }
    public string? AvatarKey { get; set; }

    /// <summary>A line left empty on the form (the form offers more lines than most families need).</summary>
    public bool IsBlank => string.IsNullOrWhiteSpace(LastName) && string.IsNullOrWhiteSpace(FirstName) && DateOfBirth is null;

    internal NewMember ToMember(string lastName, string? email = null, string? mobile = null, bool consentSms = false, bool consentEmail = false) =>
        new(string.IsNullOrWhiteSpace(LastName) ? lastName : LastName, FirstName, DateOfBirth, SexeId, VilleId, StatutId, AvatarKey, email, mobile, consentSms, consentEmail);
}

/// <summary>« Inscription d'une nouvelle famille »: the household, its members (the first one fills the form) and the login.</summary>
public sealed class KioskRegistrationInput
{
    public string? FamilyName { get; set; }
    public string? Email { get; set; }
    public string? Mobile { get; set; }
    public string? Password { get; set; }
    public string? ConfirmPassword { get; set; }
    public bool ConsentSms { get; set; }
    public bool ConsentEmail { get; set; }
    public List<KioskMemberInput> Members { get; set; } = [];
}

/// <summary>
/// A family registers itself on the kiosk: household and persons in the Members register (through its
/// <see cref="IFamilyRegister"/>, with the no-duplicate rule), then the family account (identifiant =
/// e-mail), all in one transaction. The account is marked « à vérifier » for staff (ADR 0016) but works
/// at once: the family ticks its presence straight after.
/// </summary>
public sealed class KioskRegistrationService(IFamilyRegister register, FamilyAccountService accounts, AppDbContext db, ICurrentTenant tenant)
{
    /// <summary>Who gave the consents and made the entries, in the register and the audit log.</summary>
    public const string RecordedBy = "La famille, à la borne";

    public const string LoginTaken =
        "Cette adresse e-mail est déjà l'identifiant d'une famille du centre. Si c'est la vôtre, touchez « Identifiants oubliés ? » " +
        "pour recevoir un lien, ou adressez-vous à l'accueil.";

    public const int MaxLines = 8;

    public async Task<SignedInFamily> RegisterAsync(KioskRegistrationInput input, CancellationToken ct = default)
    {
        tenant.RequireId();
        var lines = input.Members.Take(MaxLines + 1).Where(m => !m.IsBlank).ToList();
        if (lines.Count == 0)
            throw new BusinessException("Indiquez au moins une personne : vous-même, sur la première ligne.");
        if (lines.Count > MaxLines)
            throw new BusinessException($"Une inscription à la borne compte au plus {MaxLines} personnes : l'accueil ajoutera les autres.");
        var familyName = Fields.Required(string.IsNullOrWhiteSpace(input.FamilyName) ? lines[0].LastName : input.FamilyName, "Nom de la famille", 200);
        var email = Fields.OptionalEmail(input.Email, "Adresse e-mail")
            ?? throw new BusinessException("L'adresse e-mail est obligatoire : ce sera votre identifiant.");
        if (string.IsNullOrEmpty(input.Password))
            throw new BusinessException("Choisissez un mot de passe.");
        if (input.Password != input.ConfirmPassword)
            throw new BusinessException("Les deux mots de passe ne sont pas identiques.");
        if (await accounts.IsLoginTakenAsync(email, ct))
            throw new AlreadyRegisteredException(LoginTaken);

        // The first line is the person filling in the form: the account's e-mail, the mobile and the consents are theirs.
        var members = lines.Select((m, i) => i == 0
            ? m.ToMember(familyName, email, input.Mobile, input.ConsentSms, input.ConsentEmail)
            : m.ToMember(familyName)).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            var family = await register.RegisterFamilyAsync(new NewFamily(familyName, members), RecordedBy, ct);
            var signedIn = await accounts.CreateSelfRegisteredAsync(family.HouseholdId, email, input.Password, ct);
            await transaction.CommitAsync(ct);
            return signedIn;
        }
        catch
        {
            // Nothing half-made stays tracked for a later save of this request.
            db.ChangeTracker.Clear();
            throw;
        }
    }
}

/// <summary>The choices of the kiosk's member forms: the structure's active lists and the avatars.</summary>
public sealed record KioskFormLists(
    IReadOnlyList<CentresConnectes.ReferenceData.Contracts.ReferenceItemDto> Sexes,
    IReadOnlyList<CentresConnectes.ReferenceData.Contracts.ReferenceItemDto> Villes,
    IReadOnlyList<CentresConnectes.ReferenceData.Contracts.ReferenceItemDto> Statuts,
    IReadOnlyList<AvatarChoice> Avatars)
{
    public static async Task<KioskFormLists> LoadAsync(CentresConnectes.ReferenceData.Contracts.IReferenceDataQuery lists, IFamilyRegister register, CancellationToken ct) =>
        new(await lists.ListAsync(CentresConnectes.ReferenceData.Contracts.ReferenceListKind.Sexe, ct: ct),
            await lists.ListAsync(CentresConnectes.ReferenceData.Contracts.ReferenceListKind.Ville, ct: ct),
            await lists.ListAsync(CentresConnectes.ReferenceData.Contracts.ReferenceListKind.Statut, ct: ct),
            register.Avatars);
}
