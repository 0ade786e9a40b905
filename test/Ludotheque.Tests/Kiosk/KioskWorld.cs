using System.Net;
using System.Text.RegularExpressions;
using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Platform.Application;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;

namespace CentresConnectes.Ludotheque.Tests.Kiosk;

/// <summary>A structure with today's slots, a family of four with an account, and an enrolled kiosk.</summary>
public sealed record KioskSide(TestStructure Structure, TestClient Admin, TestClient Kiosk, Slot Slot, Guid HouseholdId, IReadOnlyList<Guid> PersonIds, string Login);

/// <summary>What the kiosk tests share: arranging a structure, driving the kiosk pages like the tablet does.</summary>
public static partial class KioskWorld
{
    public const string Password = "Une phrase de passe de famille 7";

    /// <summary>Where kiosk.js sends VALIDER (the family page's data-checkin-url).</summary>
    public const string ValidateUrl = "/ludotheque/borne/valider";

    /// <summary>The « Fiche de présence », whose form posts VALIDER there without script.</summary>
    public const string FamilyPage = "/ludotheque/borne/famille";

    /// <summary>The 14:00–18:00 slot of 04/06/2025, with the clock at 14:30 Paris.</summary>
    public static async Task<KioskSide> ArrangeAsync(this LudothequeFactory app, string name, string? email = null, string? login = null)
    {
        var day = DateOnly.Parse("2025-06-04");
        var (structure, admin) = await app.StructureWithAdminAsync(name);
        await app.GenerateAsync(structure.Id, day, null, ("09:30", "12:00"), ("14:00", "18:00"));
        var slot = await app.DbAsync(structure.Id, db => db.Set<Slot>().AsNoTracking().SingleAsync(s => s.Start == new TimeOnly(14, 0)));
        app.Clock.Freeze(slot.StartsAtUtc.AddMinutes(30));
        var family = await app.FamilyAsync(structure.Id, "MARTIN" + name.Replace(" ", "").ToUpperInvariant(),
            ("Sophie", DateOnly.Parse("1985-03-14")), ("Karim", DateOnly.Parse("1983-11-02")), ("Léa", DateOnly.Parse("2016-05-20")), ("Noé", DateOnly.Parse("2020-09-01")));
        var account = await app.InAsync(structure.Id, sp => sp.GetRequiredService<FamilyAccountService>().CreateAsync(family.HouseholdId,
            new FamilyAccountInput { Email = email, Login = email is null ? login ?? "martin-" + structure.Id.ToString("N")[..6] : null, Password = Password }));
        var kiosk = await app.EnrolKioskAsync(structure);
        return new KioskSide(structure, admin, kiosk, slot, family.HouseholdId, family.PersonIds, account.Login);
    }

    /// <summary>A staff member enrols a fresh browser as the kiosk (the « Bornes » page), which signs them out there.</summary>
    public static async Task<TestClient> EnrolKioskAsync(this LudothequeFactory app, TestStructure structure)
    {
        var client = await app.SignInAsync(structure.AdminEmail);
        var response = await client.PostFormAsync("/ludotheque/bornes", TestClient.Form(("Name", "Tablette de l'accueil")), "/ludotheque/bornes?handler=Enrol");
        response.ShouldRedirectTo("/ludotheque/borne");
        (await client.GetAsync("/ludotheque/bornes")).ShouldRedirectTo("/connexion");
        return client;
    }

    public static async Task<HttpResponseMessage> SignInAtKioskAsync(this TestClient kiosk, string login, string password = Password) =>
        await kiosk.PostFormAsync("/ludotheque/borne", TestClient.Form(("Login", login), ("Password", password)));

    /// <summary>The family page as the kiosk shows it: its HTML, the ticket and the antiforgery token of its VALIDER form.</summary>
    public static async Task<(string Html, string Ticket, string Token)> FamilyPageAsync(this TestClient kiosk, string url = "/ludotheque/borne/famille")
    {
        var html = await kiosk.GetPageAsync(url);
        // A closed ludothèque shows no VALIDER form: no ticket, no token.
        var hasForm = html.Contains("data-checkin-form", StringComparison.Ordinal);
        return (WebUtility.HtmlDecode(html), WebUtility.HtmlDecode(TicketRegex().Match(html).Groups[1].Value), hasForm ? TestClient.AntiforgeryToken(html) : "");
    }

    /// <summary>VALIDER as kiosk.js sends it (form fields, JSON answer).</summary>
    public static async Task<HttpResponseMessage> ValidateAsync(this TestClient kiosk, string token, string ticket, IEnumerable<Guid> persons, Guid? checkInId = null,
        DateTime? clickedAtUtc = null, string url = ValidateUrl)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", token),
            new("ticket", ticket),
            new("checkInId", (checkInId ?? Guid.NewGuid()).ToString()),
        };
        if (clickedAtUtc is { } clicked)
            fields.Add(new("clickedAt", clicked.ToString("O")));
        fields.AddRange(persons.Select(p => new KeyValuePair<string, string>("personIds", p.ToString())));
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new FormUrlEncodedContent(fields) };
        request.Headers.Add("Accept", "application/json");
        return await kiosk.Http.SendAsync(request);
    }

    /// <summary>The French message of a JSON answer (kiosk.js shows it).</summary>
    public static async Task<string?> MessageAsync(this HttpResponseMessage response) =>
        System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("message").GetString();

    public static Task<List<Presence>> PresencesAsync(this LudothequeFactory app, Guid structureId) =>
        app.DbAsync(structureId, db => db.Set<Presence>().AsNoTracking().ToListAsync());

    [GeneratedRegex("name=\"ticket\" value=\"([^\"]+)\"")]
    private static partial Regex TicketRegex();
}
