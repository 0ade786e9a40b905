using CentresConnectes.Members.Application;
using CentresConnectes.Members.Application.Import;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Members.Api;

public sealed record ImportUploadResponse(Guid Id, ImportPreview Preview);

public sealed record RetentionAnonymiseRequest(IReadOnlyList<Guid>? Ids, bool All = false);

/// <summary>The register's API: the same application services as the pages.</summary>
internal static class MembersApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var persons = endpoints.MapApiGroup("persons", "Adhérents").AddEndpointFilter<DuplicatePersonFilter>();

        persons.MapGet("/", (string? q, Guid? groupId, Guid? ageBracketId, ConsentFilter? consent, Guid? householdId, int? page, int? pageSize,
                RegisterQueryService register, CancellationToken ct) =>
                register.SearchAsync(Filter(q, groupId, ageBracketId, consent, householdId), page ?? 1, pageSize ?? RegisterQueryService.DefaultPageSize, ct))
            .RequirePermission(MembersPermissions.Read);

        persons.MapGet("/{id:guid}", (Guid id, PersonService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequirePermission(MembersPermissions.Read);

        persons.MapPost("/", async (PersonInput input, PersonService s, CancellationToken ct) =>
            {
                var id = await s.CreateAsync(input, ct);
                return Results.Created($"/api/persons/{id}", await s.GetAsync(id, ct));
            })
            .RequirePermission(MembersPermissions.Write);

        persons.MapPut("/{id:guid}", async (Guid id, PersonInput input, PersonService s, CancellationToken ct) =>
            {
                await s.UpdateAsync(id, input, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Write);

        persons.MapDelete("/{id:guid}", async (Guid id, PersonService s, CancellationToken ct) =>
            {
                await s.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Delete);

        persons.MapPost("/{id:guid}/anonymise", async (Guid id, PersonService s, CancellationToken ct) =>
            {
                await s.AnonymiseAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Delete);

        persons.MapGet("/retention", (int? page, RetentionService s, CancellationToken ct) => s.ListAsync(page ?? 1, ct))
            .RequirePermission(MembersPermissions.Delete)
            .WithSummary("RGPD retention: persons without contact (presence, message sent, file change) for two years, by pages of 100.");

        persons.MapPost("/retention/anonymise", async (RetentionAnonymiseRequest request, RetentionService s, CancellationToken ct) =>
                Results.Ok(new { anonymised = await s.AnonymiseAsync(request.Ids ?? [], request.All, ct) }))
            .RequirePermission(MembersPermissions.Delete)
            .WithSummary("Anonymises the given persons of the retention list (or all of it), all or none.");

        persons.MapGet("/{id:guid}/rgpd", async (Guid id, string? format, ExportService s, CancellationToken ct) =>
            {
                var (fileName, contentType, content) = await s.ExportPersonAsync(id, ExportFormats.ParsePerson(format), ct);
                return Results.File(content, contentType, fileName);
            })
            .RequirePermission(MembersPermissions.Export)
            .WithSummary("RGPD: everything about one person (format=json, default, or xlsx).");

        persons.MapGet("/export", async (string? format, string? q, Guid? groupId, Guid? ageBracketId, ConsentFilter? consent, Guid? householdId,
                ExportService s, CancellationToken ct) =>
            {
                var (content, result) = await s.ExportRegisterToTempFileAsync(Filter(q, groupId, ageBracketId, consent, householdId), ExportFormats.Parse(format), ct);
                return Results.File(content, result.ContentType, result.FileName);
            })
            .RequirePermission(MembersPermissions.Export)
            .WithSummary("The (filtered) register as xlsx (default) or csv.");

        var imports = endpoints.MapApiGroup("persons/imports", "Import d'adhérents").RequirePermission(MembersPermissions.Import);
        imports.MapPost("/", async (IFormFile file, int? headerLine, string? sheet, ImportService s, CancellationToken ct) =>
            {
                await using var stream = file.OpenReadStream();
                var id = await s.UploadAsync(file.FileName, stream, ct, headerLine, sheet);
                return Results.Created($"/api/persons/imports/{id}", new ImportUploadResponse(id, await s.PreviewAsync(id, null, ct)));
            })
            .DisableAntiforgery()
            .WithSummary("Upload an .xlsx or .csv file (form field « file »): nothing is registered yet; the answer is the preview. " +
                         "The header line (1–20) and the sheet are found automatically unless given (?headerLine=3&sheet=Adhérents); " +
                         "preview again with other options (headerLine, sheet, columns, createGroups) through /{id}/preview.");
        imports.MapGet("/", (ImportService s, CancellationToken ct) => s.ListRecentAsync(ct))
            .WithSummary("The structure's recent imports (the last 20), newest first.");
        imports.MapGet("/{id:guid}", (Guid id, ImportService s, CancellationToken ct) => s.PreviewAsync(id, null, ct));
        imports.MapPost("/{id:guid}/preview", (Guid id, ImportOptions options, ImportService s, CancellationToken ct) => s.PreviewAsync(id, options, ct))
            .WithSummary("Preview again with another column mapping, groups or merge choice.");
        imports.MapPost("/{id:guid}/confirm", (Guid id, ImportOptions? options, ImportService s, CancellationToken ct) => s.ConfirmAsync(id, options, ct))
            .WithSummary("Registers the persons (one transaction). Large files run in the background: poll /state.");
        imports.MapGet("/{id:guid}/state", (Guid id, ImportService s, CancellationToken ct) => s.GetStateAsync(id, ct));
        imports.MapDelete("/{id:guid}", async (Guid id, ImportService s, CancellationToken ct) =>
        {
            await s.CancelAsync(id, ct);
            return Results.NoContent();
        });

        var households = endpoints.MapApiGroup("households", "Familles");
        households.MapGet("/", (string? q, int? page, int? pageSize, HouseholdService s, CancellationToken ct) => s.SearchAsync(q, page ?? 1, pageSize ?? 50, ct))
            .RequirePermission(MembersPermissions.Read);
        households.MapGet("/{id:guid}", (Guid id, HouseholdService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequirePermission(MembersPermissions.Read);
        households.MapPost("/", async (HouseholdInput input, HouseholdService s, CancellationToken ct) =>
            {
                var id = await s.CreateAsync(input, ct);
                return Results.Created($"/api/households/{id}", await s.GetAsync(id, ct));
            })
            .RequirePermission(MembersPermissions.Write);
        households.MapPut("/{id:guid}", async (Guid id, HouseholdInput input, HouseholdService s, CancellationToken ct) =>
            {
                await s.UpdateAsync(id, input, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Write);
        households.MapDelete("/{id:guid}", async (Guid id, HouseholdService s, CancellationToken ct) =>
            {
                await s.DeleteAsync(id, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Delete);
        households.MapPost("/{id:guid}/members/{personId:guid}", async (Guid id, Guid personId, HouseholdService s, CancellationToken ct) =>
            {
                await s.AddMemberAsync(id, personId, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Write);
        households.MapDelete("/{id:guid}/members/{personId:guid}", async (Guid id, Guid personId, HouseholdService s, CancellationToken ct) =>
            {
                await s.RemoveMemberAsync(id, personId, ct);
                return Results.NoContent();
            })
            .RequirePermission(MembersPermissions.Write);
    }

    private static PersonFilter Filter(string? q, Guid? groupId, Guid? ageBracketId, ConsentFilter? consent, Guid? householdId) =>
        new() { Query = q, GroupId = groupId, AgeBracketId = ageBracketId, Consent = consent ?? ConsentFilter.Any, HouseholdId = householdId };
}

/// <summary>"Already registered" → 409 with the existing person's id (and where to find it).</summary>
internal sealed class DuplicatePersonFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DuplicatePersonException ex)
        {
            context.HttpContext.Response.Headers.Location = $"/api/persons/{ex.ExistingPersonId}";
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: ex.Message, detail: ex.Reason,
                extensions: new Dictionary<string, object?> { ["existingId"] = ex.ExistingPersonId });
        }
    }
}
