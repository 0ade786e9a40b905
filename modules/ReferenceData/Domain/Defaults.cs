using CentresConnectes.ReferenceData.Contracts;

namespace CentresConnectes.ReferenceData.Domain;

/// <summary>
/// A platform-wide default value, owned by the host (not by a structure): the super-admin edits
/// these, and they are copied into each new structure's lists.
/// </summary>
public sealed class DefaultReferenceItem : IOrderedValue
{
    private DefaultReferenceItem() { }

    public DefaultReferenceItem(ReferenceListKind kind, string label, string? code, int order)
    {
        Id = Guid.CreateVersion7();
        Kind = kind;
        Code = code;
        Order = order;
        Rename(label);
    }

    /// <summary>Copied with the value: a sensitive default group (« RSA ») is sensitive in every new structure.</summary>
    public bool IsSensitive { get; private set; }

    public void SetSensitive(bool sensitive) => IsSensitive = sensitive && Kind == ReferenceListKind.Groupe;

    public Guid Id { get; private set; }
    public ReferenceListKind Kind { get; private set; }
    public string Label { get; private set; } = "";
    public string NormalizedLabel { get; private set; } = "";
    public string? Code { get; private set; }
    public int Order { get; private set; }
    int IOrderedValue.Order { get => Order; set => Order = value; }

    public void Rename(string label)
    {
        Label = LabelText.Clean(label);
        NormalizedLabel = LabelText.Normalize(Label);
    }
}

/// <summary>A platform-wide default age bracket (host-owned).</summary>
public sealed class DefaultAgeBracket : IAgeRange
{
    private DefaultAgeBracket() { }

    public DefaultAgeBracket(string label, int minAge, int maxAge, int order)
    {
        Id = Guid.CreateVersion7();
        Update(label, minAge, maxAge);
        Order = order;
    }

    public Guid Id { get; private set; }
    public string Label { get; private set; } = "";
    public int MinAge { get; private set; }
    public int MaxAge { get; private set; }
    public int Order { get; private set; }
    int IOrderedValue.Order { get => Order; set => Order = value; }

    public void Update(string label, int minAge, int maxAge)
    {
        Label = LabelText.Clean(label);
        MinAge = minAge;
        MaxAge = maxAge;
    }
}

/// <summary>
/// The defaults of the calls for tenders (seeds/004: mock-ups "Paramètre : Sexe / Ville de résidence /
/// Statut / Minima sociaux / Quotient familial", statistics "Résultat par tranche d'âge"; seeds/000:
/// groups "petites-enfance, jeunesse, rsa, culture"). Seeded once into the host tables with fixed ids
/// (migration data); afterwards the super-admin owns them.
/// </summary>
public static class SeedDefaults
{
    /// <summary>Code of the default « RSA » group, sensitive from the start.</summary>
    public const string RsaGroupCode = "rsa";

    public sealed record Item(Guid Id, ReferenceListKind Kind, string Label, string? Code, int Order, bool IsSensitive = false);

    public sealed record Bracket(Guid Id, string Label, int MinAge, int MaxAge, int Order);

    // Fixed ids: data seeding compares them between migrations.
    private static Guid Id(int kind, int n) => new($"0193a000-0000-7000-8000-{kind:D4}{n:D8}");

    public static IReadOnlyList<Item> Items { get; } = Build();

    public static IReadOnlyList<Bracket> Brackets { get; } =
    [
        new(Id(99, 1), "0 à 2 ans", 0, 2, 1),
        new(Id(99, 2), "3 à 6 ans", 3, 6, 2),
        new(Id(99, 3), "7 à 11 ans", 7, 11, 3),
        new(Id(99, 4), "12 à 17 ans", 12, 17, 4),
        new(Id(99, 5), "18 à 54 ans", 18, 54, 5),
        new(Id(99, 6), "55 à 99 ans", 55, 99, 6),
    ];

    private static List<Item> Build()
    {
        var items = new List<Item>();
        void Add(ReferenceListKind kind, params (string Label, string Code)[] values)
        {
            for (var i = 0; i < values.Length; i++)
                items.Add(new Item(Id((int)kind, i + 1), kind, values[i].Label, values[i].Code, i + 1));
        }

        Add(ReferenceListKind.Sexe,
            ("Femme", ReferenceCodes.Femme),
            ("Homme", ReferenceCodes.Homme));
        Add(ReferenceListKind.Ville,
            ("Faches-Thumesnil", "faches-thumesnil"),
            ("Lille", "lille"),
            ("Ronchin", "ronchin"),
            ("Autres", "autres"));
        Add(ReferenceListKind.Statut,
            ("Mère", ReferenceCodes.Mere),
            ("Père", ReferenceCodes.Pere),
            ("Grand-mère", ReferenceCodes.GrandMere),
            ("Grand-père", ReferenceCodes.GrandPere),
            ("Assistant(e) maternelle", ReferenceCodes.AssistanteMaternelle),
            ("Enfant à charge", ReferenceCodes.EnfantACharge),
            ("Enfant gardé", ReferenceCodes.EnfantGarde));
        // "Non" first: it is the usual answer (the mock-up lists RSA, Non, AAH, AEH, Minimum vieillesse).
        Add(ReferenceListKind.MinimaSociaux,
            ("Non", ReferenceCodes.MinimaNon),
            ("RSA", ReferenceCodes.Rsa),
            ("AAH", ReferenceCodes.Aah),
            ("AEH", ReferenceCodes.Aeh),
            ("Minimum vieillesse", ReferenceCodes.MinimumVieillesse));
        Add(ReferenceListKind.QuotientFamilial,
            ("0 à 480 €", "qf-0-480"),
            ("481 à 581 €", "qf-481-581"),
            ("582 à 683 €", "qf-582-683"),
            ("684 à 792 €", "qf-684-792"),
            ("793 à 963 €", "qf-793-963"),
            ("Plus de 964 €", "qf-plus-964"));
        Add(ReferenceListKind.Groupe,
            ("Petite enfance", "petite-enfance"),
            ("Jeunesse", "jeunesse"),
            ("RSA", RsaGroupCode),
            ("Culture", "culture"));
        // Being in the « RSA » group says the person receives the RSA: social data (issue 11).
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].Kind == ReferenceListKind.Groupe && items[i].Code == RsaGroupCode)
                items[i] = items[i] with { IsSensitive = true };
        }
        Add(ReferenceListKind.Categorie,
            ("CAF", "caf"),
            ("France Travail", "france-travail"),
            ("Rendez-vous", "rdv"),
            ("Actualité", "actualite"));
        return items;
    }
}
