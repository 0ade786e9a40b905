using System.Net;
using System.Text;
using CentresConnectes.Members.Domain;
using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;

namespace CentresConnectes.Members.Tests.Integration;

internal static class MembersTestHelpers
{
    public static async Task<Guid> GroupAsync(this MembersFactory factory, Guid structureId, int index = 0) =>
        (await factory.ListAsync(structureId, ReferenceListKind.Groupe))[index].Id;

    public static Dictionary<string, string?> PersonForm(string last, string first, string dateOfBirth, string? mobile = null, string? email = null,
        IEnumerable<Guid>? groups = null, Guid? householdId = null)
    {
        var form = new Dictionary<string, string?>
        {
            ["Input.LastName"] = last,
            ["Input.FirstName"] = first,
            ["Input.DateOfBirth"] = dateOfBirth,
            ["Input.Mobile"] = mobile,
            ["Input.Email"] = email,
            ["Input.HouseholdId"] = householdId?.ToString(),
        };
        var i = 0;
        foreach (var g in groups ?? [])
            form[$"Input.GroupIds[{i++}]"] = g.ToString();
        return form;
    }

    /// <summary>Uploads a file through an import page's file field (whatever its content, as a browser would).</summary>
    public static Task<HttpResponseMessage> UploadAsync(this TestClient client, string pageUrl, string fileName, byte[] content) =>
        client.PostFileAsync(pageUrl, "file", fileName, content, "application/octet-stream");

    /// <summary>Registers a person through the API as the signed-in user (with that user's permissions).</summary>
    public static async Task<Guid> CreatePersonAsync(this TestClient client, Application.PersonInput input)
    {
        var response = await client.PostJsonAsync("/api/persons", input);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Application.PersonDetails>(response.Content))!.Id;
    }

    public static string Decode(string html) => WebUtility.HtmlDecode(html);

    public static string LocationOf(this HttpResponseMessage response)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "expected a redirect");
        return response.Headers.Location!.OriginalString;
    }

    public static Task<int> CountPersonsAsync(this MembersFactory factory, Guid structureId) =>
        factory.DbAsync(structureId, db => db.Set<Person>().CountAsync());

    public static byte[] Csv(string text) => Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();

    public static Task<List<Person>> PersonsAsync(this MembersFactory factory, Guid structureId) =>
        factory.DbAsync(structureId, db => db.Set<Person>().AsNoTracking().OrderBy(p => p.NormalizedName).ToListAsync());

}
