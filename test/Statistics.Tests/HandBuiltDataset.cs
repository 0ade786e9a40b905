using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Application;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using System.Net.Http.Json;

namespace CentresConnectes.Statistics.Tests;

/// <summary>
/// A small ludothèque written out by hand; the expected figures in <see cref="StatisticsFigureTests"/>
/// are counted from this description, not by the code under test.
///
/// Period: March 2025 (previous period, the month before: 01/02/2025 – 28/02/2025).
/// Slots: 05/03 09:30–12:00 and 14:00–18:00 (a day with two slots: 6 h 30);
///        12/03 10:00–14:00 (across noon) and 13:00–15:00 (overlapping: 5 h, not 6 h);
///        10/02 14:00–18:00 (previous period).
/// Families and persons (ages on 31/03/2025):
///   MARTIN — Alice, Mère, Femme, Lille, RSA, QF 0–480, born 10/05/1990 (34), registered 01/09/2024;
///            Léo, Enfant à charge, Homme, Lille, born 31/03/2019 (exactly 6: « plus de 6 ans », bracket 6–11);
///            Emma, Enfant à charge, Femme, Lille, born 01/04/2022 (2, turns 3 the next day: bracket 0–2).
///   DUBOIS — Paul, Père, Homme, Lille then moved to Ronchin, minima Non, QF 481–581, born 31/03/1985 (40), registered 10/03/2025;
///            Zoé, Enfant gardé, Femme, Ronchin, born 15/01/2020 (5);
///            Nina, Enfant à charge, Femme, Ronchin, born 01/01/2015, registered 20/03/2025, never present.
///   PETIT  — Jeanne, Grand-mère, Femme, Faches-Thumesnil (deactivated afterwards, still in use), born 01/01/1950 (75);
///            Hugo, Enfant à charge, Homme, no ville, RSA himself (a child: does not make his household RSA),
///            born 01/06/2012 (12: in no bracket), anonymised after his presences.
/// Presences: 05/03 morning Alice, Léo, Emma; afternoon Alice, Léo; 12/03 first slot Paul, Zoé;
///            second slot Jeanne, Hugo, Zoé; 10/02 Alice, Jeanne.
/// Register (issue 9, registre): groups — Alice: RSA (sensitive) and Culture; Léo: Jeunesse; Emma, Zoé:
///            Petite enfance; Jeanne: Culture. Consents — Alice: SMS and e-mail; Nina: SMS; Jeanne: e-mail
///            (Hugo's are cleared by the anonymisation; Paul's edit sends none).
/// Messages (SmsAlerts): due in March — 3 delivered (Alice ×2, Nina), 1 sent without receipt (Jeanne),
///            1 failed (Paul), 1 expired (Zoé), 1 cancelled and 1 test (neither counts);
///            due 10/02 — 1 delivered (Alice). Due 31/03 23:30 Paris (21:30 UTC) — delivered (Léo): still March.
/// Another structure has the same slots and a family present on 05/03: none of it may count.
/// </summary>
public sealed class HandBuiltDataset
{
    public required Guid StructureId { get; init; }
    public required TestStructure Structure { get; init; }
    public required IReadOnlyDictionary<string, Guid> Items { get; init; }

    public Guid Item(ReferenceListKind kind, string code) => Items[$"{kind}:{code}"];

    private static DateOnly D(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    public static async Task<HandBuiltDataset> CreateAsync(AppFactory app)
    {
        var structure = await app.CreateStructureAsync("Statistiques");
        // Persons go through the API as the structure's admin: the social fields (minima, QF) need the permission.
        using var admin = await app.SignInAsync(structure.AdminEmail);
        var items = (await app.InScopeAsync(structure.Id, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync(true)))
            .Where(i => i.Code is not null).ToDictionary(i => $"{i.Kind}:{i.Code}", i => i.Id);
        Guid I(ReferenceListKind kind, string code) => items[$"{kind}:{code}"];

        await GenerateAsync(app, structure.Id, "2025-03-05", ("09:30", "12:00"), ("14:00", "18:00"));
        await GenerateAsync(app, structure.Id, "2025-03-12", ("10:00", "14:00"));
        await GenerateAsync(app, structure.Id, "2025-03-12", ("13:00", "15:00"));
        await GenerateAsync(app, structure.Id, "2025-02-10", ("14:00", "18:00"));

        var registeredBefore = D("2024-09-01");
        var martin = await HouseholdAsync(app, structure.Id, "MARTIN");
        var alice = await PersonAsync(admin, martin, "MARTIN", "Alice", "1990-05-10", registeredBefore, I(ReferenceListKind.Sexe, "f"), I(ReferenceListKind.Ville, "lille"), I(ReferenceListKind.Statut, "mere"), I(ReferenceListKind.MinimaSociaux, "rsa"), I(ReferenceListKind.QuotientFamilial, "qf-0-480"),
            sms: true, email: true, groups: [I(ReferenceListKind.Groupe, "rsa"), I(ReferenceListKind.Groupe, "culture")]);
        var leo = await PersonAsync(admin, martin, "MARTIN", "Léo", "2019-03-31", registeredBefore, I(ReferenceListKind.Sexe, "m"), I(ReferenceListKind.Ville, "lille"), I(ReferenceListKind.Statut, "enfant-a-charge"), null, null,
            groups: [I(ReferenceListKind.Groupe, "jeunesse")]);
        var emma = await PersonAsync(admin, martin, "MARTIN", "Emma", "2022-04-01", registeredBefore, I(ReferenceListKind.Sexe, "f"), I(ReferenceListKind.Ville, "lille"), I(ReferenceListKind.Statut, "enfant-a-charge"), null, null,
            groups: [I(ReferenceListKind.Groupe, "petite-enfance")]);
        var dubois = await HouseholdAsync(app, structure.Id, "DUBOIS");
        var paul = await PersonAsync(admin, dubois, "DUBOIS", "Paul", "1985-03-31", D("2025-03-10"), I(ReferenceListKind.Sexe, "m"), I(ReferenceListKind.Ville, "lille"), I(ReferenceListKind.Statut, "pere"), I(ReferenceListKind.MinimaSociaux, "non"), I(ReferenceListKind.QuotientFamilial, "qf-481-581"));
        var zoe = await PersonAsync(admin, dubois, "DUBOIS", "Zoé", "2020-01-15", registeredBefore, I(ReferenceListKind.Sexe, "f"), I(ReferenceListKind.Ville, "ronchin"), I(ReferenceListKind.Statut, "enfant-garde"), null, null,
            groups: [I(ReferenceListKind.Groupe, "petite-enfance")]);
        var nina = await PersonAsync(admin, dubois, "DUBOIS", "Nina", "2015-01-01", D("2025-03-20"), I(ReferenceListKind.Sexe, "f"), I(ReferenceListKind.Ville, "ronchin"), I(ReferenceListKind.Statut, "enfant-a-charge"), null, null,
            sms: true);
        var petit = await HouseholdAsync(app, structure.Id, "PETIT");
        var jeanne = await PersonAsync(admin, petit, "PETIT", "Jeanne", "1950-01-01", registeredBefore, I(ReferenceListKind.Sexe, "f"), I(ReferenceListKind.Ville, "faches-thumesnil"), I(ReferenceListKind.Statut, "grand-mere"), null, null,
            email: true, groups: [I(ReferenceListKind.Groupe, "culture")]);
        var hugo = await PersonAsync(admin, petit, "PETIT", "Hugo", "2012-06-01", registeredBefore, I(ReferenceListKind.Sexe, "m"), null, I(ReferenceListKind.Statut, "enfant-a-charge"), I(ReferenceListKind.MinimaSociaux, "rsa"), null);

        var slots = await app.DbAsync(structure.Id, db => db.Set<Slot>().AsNoTracking().OrderBy(s => s.StartsAtUtc).ToListAsync());
        Guid Slot(string date, string start) => slots.Single(s => s.Date == D(date) && s.Start == TimeOnly.Parse(start)).Id;
        await PresentAsync(app, structure.Id, Slot("2025-03-05", "09:30"), alice, leo, emma);
        await PresentAsync(app, structure.Id, Slot("2025-03-05", "14:00"), alice, leo);
        await PresentAsync(app, structure.Id, Slot("2025-03-12", "10:00"), paul, zoe);
        await PresentAsync(app, structure.Id, Slot("2025-03-12", "13:00"), jeanne, hugo, zoe);
        await PresentAsync(app, structure.Id, Slot("2025-02-10", "14:00"), alice, jeanne);

        // After the presences: Paul moves to Ronchin, Hugo is anonymised, Faches-Thumesnil is deactivated.
        (await admin.PutJsonAsync($"/api/persons/{paul}", new
        {
            lastName = "DUBOIS", firstName = "Paul", dateOfBirth = "1985-03-31", registeredOn = "2025-03-10", householdId = dubois,
            sexeId = I(ReferenceListKind.Sexe, "m"), villeId = I(ReferenceListKind.Ville, "ronchin"), statutId = I(ReferenceListKind.Statut, "pere"),
            minimaSociauxId = I(ReferenceListKind.MinimaSociaux, "non"), quotientFamilialId = I(ReferenceListKind.QuotientFamilial, "qf-481-581"),
        })).EnsureSuccessStatusCode();
        (await admin.Http.PostAsync($"/api/persons/{hugo}/anonymise", null)).EnsureSuccessStatusCode();
        await app.InScopeAsync(structure.Id, sp =>
            sp.GetRequiredService<ReferenceListService>().SetActiveAsync(ReferenceListKind.Ville, I(ReferenceListKind.Ville, "faches-thumesnil"), false));

        await app.DbAsync(structure.Id, async db =>
        {
            // Paris 12:00 in March (UTC+1) and February; 31/03 23:30 in Paris is 21:30 UTC (summer time since 30/03).
            Delivery M(Guid person, string dueUtc, DeliveryStatus status, bool test = false) =>
                new(test ? Delivery.TestKey() : $"stat:{Guid.NewGuid():N}", person, Channel.Sms, "+33600000000", "Rappel", DateTime.Parse(dueUtc, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal | System.Globalization.DateTimeStyles.AssumeUniversal),
                    DateTime.Parse("2025-12-31T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AdjustToUniversal))
                { Status = status, IsTest = test, CreatedAtUtc = DateTime.UtcNow };
            db.AddRange(
                M(alice, "2025-03-04T11:00:00Z", DeliveryStatus.Delivered), M(alice, "2025-03-11T11:00:00Z", DeliveryStatus.Delivered),
                M(nina, "2025-03-25T11:00:00Z", DeliveryStatus.Delivered), M(jeanne, "2025-03-11T11:00:00Z", DeliveryStatus.Sent),
                M(paul, "2025-03-11T11:00:00Z", DeliveryStatus.Failed), M(zoe, "2025-03-11T11:00:00Z", DeliveryStatus.Expired),
                M(emma, "2025-03-11T11:00:00Z", DeliveryStatus.Cancelled), M(alice, "2025-03-11T11:00:00Z", DeliveryStatus.Delivered, test: true),
                M(alice, "2025-02-10T11:00:00Z", DeliveryStatus.Delivered), M(leo, "2025-03-31T21:30:00Z", DeliveryStatus.Delivered));
            return await db.SaveChangesAsync();
        });

        // The other structure, same days: a family of two present on 05/03 morning.
        var other = await app.CreateStructureAsync("Voisine");
        using var otherAdmin = await app.SignInAsync(other.AdminEmail);
        await GenerateAsync(app, other.Id, "2025-03-05", ("09:30", "12:00"));
        var otherItems = (await app.InScopeAsync(other.Id, sp => sp.GetRequiredService<IReferenceDataQuery>().ListAllAsync(true))).Where(i => i.Code is not null).ToList();
        Guid O(ReferenceListKind kind, string code) => otherItems.Single(i => i.Kind == kind && i.Code == code).Id;
        var voisins = await HouseholdAsync(app, other.Id, "VOISIN");
        var v1 = await PersonAsync(otherAdmin, voisins, "VOISIN", "Marc", "1980-01-01", D("2025-03-01"), O(ReferenceListKind.Sexe, "m"), O(ReferenceListKind.Ville, "lille"), O(ReferenceListKind.Statut, "pere"), O(ReferenceListKind.MinimaSociaux, "rsa"), null);
        var v2 = await PersonAsync(otherAdmin, voisins, "VOISIN", "Lou", "2021-01-01", D("2025-03-01"), O(ReferenceListKind.Sexe, "f"), O(ReferenceListKind.Ville, "lille"), O(ReferenceListKind.Statut, "enfant-a-charge"), null, null);
        var otherSlot = await app.DbAsync(other.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync());
        await PresentAsync(app, other.Id, otherSlot.Id, v1, v2);

        return new HandBuiltDataset { StructureId = structure.Id, Structure = structure, Items = items };
    }

    private static Task GenerateAsync(AppFactory app, Guid structureId, string date, params (string Start, string End)[] ranges) =>
        app.InScopeAsync(structureId, sp => sp.GetRequiredService<SlotService>().GenerateAsync(new SlotGenerationInput
        {
            From = D(date),
            Days = [.. Enum.GetValues<DayOfWeek>()],
            Ranges = [.. ranges.Select(r => new TimeRangeInput { Start = TimeOnly.Parse(r.Start), End = TimeOnly.Parse(r.End) })],
        }));

    private static Task<Guid> HouseholdAsync(AppFactory app, Guid structureId, string name) =>
        app.InScopeAsync(structureId, sp => sp.GetRequiredService<HouseholdService>().CreateAsync(new HouseholdInput { Name = name }));

    private static async Task<Guid> PersonAsync(TestClient admin, Guid household, string last, string first, string born, DateOnly registered,
        Guid? sexe, Guid? ville, Guid? statut, Guid? minima, Guid? quotient, bool sms = false, bool email = false, Guid[]? groups = null)
    {
        var response = await admin.PostJsonAsync("/api/persons", new
        {
            lastName = last, firstName = first, dateOfBirth = born, registeredOn = registered.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            householdId = household, sexeId = sexe, villeId = ville, statutId = statut, minimaSociauxId = minima, quotientFamilialId = quotient,
            consentSms = sms, consentEmail = email, groupIds = groups ?? [],
            // Consent to SMS needs a mobile, to e-mail an address (the register's rule).
            mobile = sms ? (first == "Alice" ? "06 12 34 56 78" : "06 98 76 54 32") : null, email = email ? $"{first.ToLowerInvariant()}@famille.test" : null,
        });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    private sealed record Created(Guid Id);

    private static Task PresentAsync(AppFactory app, Guid structureId, Guid slotId, params Guid[] persons) =>
        app.InScopeAsync(structureId, sp => sp.GetRequiredService<PresenceService>().RecordAsync(new StaffPresenceInput { SlotId = slotId, PersonIds = [.. persons] }));
}
