using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Shouldly;
using Xunit;

namespace CentresConnectes.Members.Tests.Integration;

/// <summary>
/// Every 4xx answer of the API is a French RFC 9457 problem-details body (title, detail, errors per
/// field) — in Production and in Development, where ASP.NET Core's defaults differ (an empty body in
/// one, an English exception page in the other).
/// </summary>
public abstract class ApiProblemTests(MembersFactory factory)
{
    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private const string ValidPerson = """{"lastName":"PROBLEME","firstName":"Paul","dateOfBirth":"1980-01-01"}""";

    /// <summary>The answer is a French problem: its status, a French title and detail; the document for further checks.</summary>
    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json", body);
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        var title = problem.GetProperty("title").GetString().ShouldNotBeNull();
        var detail = problem.GetProperty("detail").GetString().ShouldNotBeNull();
        foreach (var text in new[] { title, detail })
        {
            text.ShouldNotContain("Exception");
            text.ShouldNotStartWith("The ");
            text.ShouldNotStartWith("Failed");
            text.ShouldNotStartWith("Bad Request");
            text.ShouldNotStartWith("Not Found");
        }
        body.ShouldNotContain("   at ", customMessage: "no stack trace");
        return problem;
    }

    private static string FieldError(JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field)[0].GetString().ShouldNotBeNull();

    [Fact]
    public async Task Malformed_or_truncated_json_is_a_french_400()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes JSON");
        var truncated = await ProblemAsync(await client.Http.PostAsync("/api/persons", JsonBody("""{"lastName":"DUPONT","firstName":""")), HttpStatusCode.BadRequest);
        truncated.GetProperty("title").GetString().ShouldBe("Requête invalide.");
        truncated.GetProperty("detail").GetString().ShouldContain("n'est pas du JSON valide");
        var garbage = await ProblemAsync(await client.Http.PostAsync("/api/persons", JsonBody("nom=DUPONT")), HttpStatusCode.BadRequest);
        garbage.GetProperty("detail").GetString().ShouldContain("n'est pas du JSON valide");
        await ProblemAsync(await client.Http.PostAsync("/api/persons", JsonBody("")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_names_its_field()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes types");
        var number = await ProblemAsync(await client.Http.PostAsync("/api/persons", JsonBody("""{"lastName":12,"firstName":"Paul","dateOfBirth":"1980-01-01"}""")), HttpStatusCode.BadRequest);
        FieldError(number, "lastName").ShouldContain("texte");
        var date = await ProblemAsync(await client.Http.PostAsync("/api/persons", JsonBody("""{"lastName":"DUPONT","firstName":"Paul","dateOfBirth":"31/02/2020"}""")), HttpStatusCode.BadRequest);
        FieldError(date, "dateOfBirth").ShouldContain("date existante au format aaaa-mm-jj");
        var query = await ProblemAsync(await client.GetAsync("/api/persons?page=abc"), HttpStatusCode.BadRequest);
        FieldError(query, "page").ShouldContain("nombre");
    }

    [Fact]
    public async Task Ids_that_are_not_guids_and_unknown_ids_are_french_404s()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes 404");
        var malformed = await ProblemAsync(await client.GetAsync("/api/persons/pas-un-guid"), HttpStatusCode.NotFound);
        malformed.GetProperty("title").GetString().ShouldBe("Introuvable.");
        malformed.GetProperty("detail").GetString().ShouldContain("GUID");
        await ProblemAsync(await client.GetAsync($"/api/persons/{Guid.NewGuid()}"), HttpStatusCode.NotFound);
        await ProblemAsync(await client.GetAsync("/api/nulle-part"), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_form_body_where_json_is_expected_is_a_french_415_and_a_missing_file_a_french_400()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes 415");
        var form = await ProblemAsync(await client.Http.PostAsync("/api/persons",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["lastName"] = "DUPONT" })), HttpStatusCode.UnsupportedMediaType);
        form.GetProperty("detail").GetString().ShouldContain("JSON");

        using var noFile = new MultipartFormDataContent { { new StringContent("x"), "autre" } };
        var missing = await ProblemAsync(await client.Http.PostAsync("/api/persons/imports", noFile), HttpStatusCode.BadRequest);
        FieldError(missing, "file").ShouldContain("Joignez le fichier");

        var json = await ProblemAsync(await client.Http.PostAsync("/api/persons/imports", JsonBody("{}")), HttpStatusCode.UnsupportedMediaType);
        json.GetProperty("detail").GetString().ShouldContain("multipart/form-data");
    }

    [Fact]
    public async Task Without_a_session_or_key_the_api_answers_a_french_401()
    {
        using var anonymous = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var problem = await ProblemAsync(await anonymous.GetAsync("/api/persons"), HttpStatusCode.Unauthorized);
        problem.GetProperty("title").GetString().ShouldBe("Authentification requise.");
    }

    [Fact]
    public async Task Field_bounds_are_refused_in_french()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes bornes");
        var old = await ProblemAsync(await client.Http.PostAsync("/api/persons",
            JsonBody("""{"lastName":"BORNE","firstName":"Ancien","dateOfBirth":"1980-01-01","registeredOn":"0001-01-01"}""")), HttpStatusCode.BadRequest);
        old.GetProperty("title").GetString().ShouldBe("La date d'inscription doit être postérieure au 01/01/1900.");
        var birth = await ProblemAsync(await client.Http.PostAsync("/api/persons",
            JsonBody("""{"lastName":"BORNE","firstName":"Vieux","dateOfBirth":"1899-12-31"}""")), HttpStatusCode.BadRequest);
        birth.GetProperty("title").GetString().ShouldBe("La date de naissance doit être postérieure au 01/01/1900.");
        var bidi = await ProblemAsync(await client.Http.PostAsync("/api/persons",
            JsonBody("""{"lastName":"BORNE","firstName":"Bidi","dateOfBirth":"1980-01-01","email":"abc\u202Efdp.exe@example.org"}""")), HttpStatusCode.BadRequest);
        bidi.GetProperty("title").GetString().ShouldContain("caractères invisibles");
        var name = await ProblemAsync(await client.Http.PostAsync("/api/persons",
            JsonBody("""{"lastName":"BORNE\u202E","firstName":"Nom","dateOfBirth":"1980-01-01"}""")), HttpStatusCode.BadRequest);
        name.GetProperty("title").GetString().ShouldContain("caractères non autorisés");
        (await client.Http.PostAsync("/api/persons", JsonBody(ValidPerson))).StatusCode.ShouldBe(HttpStatusCode.Created, "the same request without the mistakes is accepted");
    }

    [Fact]
    public async Task A_staff_invitation_accepts_an_accented_address_and_speaks_of_adresse_e_mail()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes invitation");
        var accented = await client.PostJsonAsync("/api/staff", new { email = $"jérôme.{Guid.NewGuid():N}@exemple.fr", displayName = "Jérôme", role = Roles.Animateur });
        accented.StatusCode.ShouldBe(HttpStatusCode.Created, await accented.Content.ReadAsStringAsync());
        var wrong = await ProblemAsync(await client.PostJsonAsync("/api/staff", new { email = "pas une adresse", displayName = "X", role = Roles.Animateur }), HttpStatusCode.BadRequest);
        var text = wrong.GetProperty("title").GetString()!;
        text.ShouldContain("adresse e-mail");
        text.ShouldNotContain("dentifiant");
    }

    [Fact]
    public async Task The_openapi_document_describes_the_problem_answers()
    {
        var (_, client) = await factory.StructureWithAdminAsync("Problèmes OpenAPI");
        using var document = JsonDocument.Parse(await client.GetPageAsync("/openapi/v1.json"));
        var post = document.RootElement.GetProperty("paths").GetProperty("/api/persons").GetProperty("post").GetProperty("responses");
        foreach (var status in new[] { "400", "401", "403", "404", "413", "415" })
            post.GetProperty(status).GetProperty("content").TryGetProperty("application/problem+json", out _).ShouldBeTrue(status);
    }
}

/// <summary>The mapping of a refused request (413 cannot be produced by the in-memory test server, which does not limit bodies).</summary>
public sealed class ApiProblemMappingTests
{
    [Fact]
    public void A_body_too_large_is_a_french_413()
    {
        var problem = ApiProblems.FromBadRequest(new BadHttpRequestException("Request body too large. The max request body size is 30000000 bytes.", StatusCodes.Status413PayloadTooLarge));
        problem.Status.ShouldBe(413);
        ApiProblems.Frenchify(problem, null);
        problem.Title.ShouldBe("Requête trop volumineuse.");
        problem.Detail.ShouldNotBeNull().ShouldContain("dépasse la taille autorisée");
    }
}

public sealed class ProductionMembersFactory() : MembersFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Production");
    }
}

public sealed class DevelopmentMembersFactory() : MembersFactory(DatabaseProvider.Sqlite)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment("Development");
    }
}

public sealed class ApiProblemTestsInProduction(ProductionMembersFactory factory) : ApiProblemTests(factory), IClassFixture<ProductionMembersFactory>;

public sealed class ApiProblemTestsInDevelopment(DevelopmentMembersFactory factory) : ApiProblemTests(factory), IClassFixture<DevelopmentMembersFactory>;
