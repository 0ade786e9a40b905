using System.Net;
using System.Net.Http.Headers;
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
    public static async Task<(TestStructure Structure, TestClient Client)> StructureWithAdminAsync(this MembersFactory factory, string name)
    {
        var structure = await factory.CreateStructureAsync(name);
        return (structure, await factory.SignInAsync(structure.AdminEmail));
    }

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

    /// <summary>Posts a file to a page form (multipart, with the page's antiforgery token).</summary>
    public static async Task<HttpResponseMessage> UploadAsync(this TestClient client, string pageUrl, string fileName, byte[] content)
    {
        var html = await client.GetPageAsync(pageUrl);
        using var form = new MultipartFormDataContent
        {
            { new StringContent(TestClient.AntiforgeryToken(html)), "__RequestVerificationToken" },
        };
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.Http.PostAsync(pageUrl, form);
    }

    /// <summary>The page as text: HTML encodes apostrophes (n&#x27;est), assertions read French.</summary>
    public static async Task<string> TextAsync(this TestClient client, string url) => WebUtility.HtmlDecode(await client.GetPageAsync(url));

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
