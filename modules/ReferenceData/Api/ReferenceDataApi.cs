using CentresConnectes.Platform.Api;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using CentresConnectes.ReferenceData.Application;
using CentresConnectes.ReferenceData.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace CentresConnectes.ReferenceData.Api;

public sealed record LabelRequest(string? Label);
public sealed record DefaultItemRequest(string? Label, bool? IsSensitive = null);
public sealed record UpdateItemRequest(string? Label, bool? IsActive, bool? IsSensitive = null);
public sealed record ReorderRequest(IReadOnlyList<Guid>? Ids);
public sealed record MoveRequest(string? Direction);
public sealed record AgeBracketRequest(string? Label, int? MinAge, int? MaxAge, bool? IsActive);
public sealed record SettingsRequest(string? WelcomeMessageHtml, string? Address, string? Phone, string? Email, string? OpeningNotice);
public sealed record LogoSizeRequest(int? MaxWidth, int? MaxHeight);
public sealed record DefaultsResponse(IReadOnlyList<DefaultItemDto> Items, IReadOnlyList<DefaultAgeBracketDto> AgeBrackets);

/// <summary>
/// /api/reference (the lists and age brackets), /api/settings (welcome message, contact, logo),
/// /api/host/reference-defaults (super-admin), plus the two logo URLs the pages use.
/// Lists are named by slug ("villes", "minima-sociaux"…) or enum name ("Ville").
/// </summary>
internal static class ReferenceDataApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        MapLists(endpoints);
        MapSettings(endpoints);
        MapDefaults(endpoints);
        MapLogos(endpoints);
    }

    private static void MapLists(IEndpointRouteBuilder endpoints)
    {
        var reference = endpoints.MapApiGroup("reference", "Listes de référence");

        // Age brackets first: the literal segment wins over {kind} anyway, this only reads better.
        var brackets = reference.MapGroup("/age-brackets");
        brackets.MapGet("/", (bool? includeInactive, AgeBracketService s, CancellationToken ct) => s.ListAsync(includeInactive ?? true, ct))
            .RequirePermission(ReferenceDataPermissions.Read);
        brackets.MapGet("/{id:guid}", (Guid id, AgeBracketService s, CancellationToken ct) => s.GetAsync(id, ct))
            .RequirePermission(ReferenceDataPermissions.Read);
        brackets.MapPost("/", async (AgeBracketRequest r, AgeBracketService s, CancellationToken ct) =>
        {
            var created = await s.AddAsync(new AgeBracketInput(r.Label, r.MinAge, r.MaxAge), ct);
            return Results.Created($"/api/reference/age-brackets/{created.Id}", created);
        }).RequirePermission(ReferenceDataPermissions.Manage);
        brackets.MapPut("/{id:guid}", async (Guid id, AgeBracketRequest r, AgeBracketService s, CancellationToken ct) =>
        {
            if (r.MinAge is not null || r.MaxAge is not null || r.Label is not null)
                await s.UpdateAsync(id, new AgeBracketInput(r.Label, r.MinAge, r.MaxAge), ct);
            if (r.IsActive is { } active)
                await s.SetActiveAsync(id, active, ct);
            return await s.GetAsync(id, ct);
        }).RequirePermission(ReferenceDataPermissions.Manage);
        brackets.MapDelete("/{id:guid}", async (Guid id, AgeBracketService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        }).RequirePermission(ReferenceDataPermissions.Manage);

        reference.MapGet("/", () => ReferenceListKinds.All.Select(k => new { kind = k.ToString(), slug = ReferenceListKinds.Slug(k), name = ReferenceListKinds.DisplayName(k) }))
            .RequirePermission(ReferenceDataPermissions.Read);
        reference.MapGet("/{kind}", (string kind, bool? includeInactive, ReferenceListService s, CancellationToken ct) =>
            s.ListAsync(Kind(kind), includeInactive ?? true, ct)).RequirePermission(ReferenceDataPermissions.Read);
        reference.MapGet("/{kind}/{id:guid}", (string kind, Guid id, ReferenceListService s, CancellationToken ct) =>
            s.GetAsync(Kind(kind), id, ct)).RequirePermission(ReferenceDataPermissions.Read);
        reference.MapPost("/{kind}", async (string kind, LabelRequest r, ReferenceListService s, CancellationToken ct) =>
        {
            var k = Kind(kind);
            var created = await s.AddAsync(k, r.Label, ct);
            return Results.Created($"/api/reference/{ReferenceListKinds.Slug(k)}/{created.Id}", created);
        }).RequirePermission(ReferenceDataPermissions.Manage);
        reference.MapPut("/{kind}/{id:guid}", async (string kind, Guid id, UpdateItemRequest r, ReferenceListService s, CancellationToken ct) =>
        {
            var k = Kind(kind);
            if (r.Label is not null)
                await s.RenameAsync(k, id, r.Label, ct);
            if (r.IsActive is { } active)
                await s.SetActiveAsync(k, id, active, ct);
            if (r.IsSensitive is { } sensitive)
                await s.SetSensitiveAsync(k, id, sensitive, ct);
            return await s.GetAsync(k, id, ct);
        }).RequirePermission(ReferenceDataPermissions.Manage);
        reference.MapDelete("/{kind}/{id:guid}", async (string kind, Guid id, ReferenceListService s, CancellationToken ct) =>
        {
            var outcome = await s.DeleteAsync(Kind(kind), id, ct);
            return Results.Ok(new { deleted = outcome.Deleted, message = outcome.Message });
        }).RequirePermission(ReferenceDataPermissions.Manage);
        reference.MapPost("/{kind}/reorder", async (string kind, ReorderRequest r, ReferenceListService s, CancellationToken ct) =>
        {
            var k = Kind(kind);
            await s.SetOrderAsync(k, r.Ids, ct);
            return Results.Ok(await s.ListAsync(k, true, ct));
        }).RequirePermission(ReferenceDataPermissions.Manage);
        reference.MapPost("/{kind}/{id:guid}/move", async (string kind, Guid id, MoveRequest r, ReferenceListService s, CancellationToken ct) =>
        {
            var k = Kind(kind);
            await s.MoveAsync(k, id, Direction(r.Direction), ct);
            return Results.Ok(await s.ListAsync(k, true, ct));
        }).RequirePermission(ReferenceDataPermissions.Manage);
    }

    private static void MapSettings(IEndpointRouteBuilder endpoints)
    {
        var settings = endpoints.MapApiGroup("settings", "Paramètres").RequirePermission(ReferenceDataPermissions.Manage);
        settings.MapGet("/", (StructureSettingsService s, CancellationToken ct) => s.GetAsync(ct));
        settings.MapPut("/", async (SettingsRequest r, StructureSettingsService s, CancellationToken ct) =>
        {
            await s.UpdateContactAsync(new ContactInput(r.Address, r.Phone, r.Email, r.OpeningNotice), ct);
            await s.UpdateWelcomeMessageAsync(r.WelcomeMessageHtml, ct);
            return await s.GetAsync(ct);
        });
        // multipart/form-data: file (PNG, JPEG or WebP, 5 MB at most), optional maxWidth and maxHeight.
        settings.MapPut("/logo", async (HttpRequest request, StructureSettingsService s, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
                throw new BusinessException("Envoyez le logo en multipart/form-data (champ « file »).");
            var form = await request.ReadFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault()
                ?? throw new BusinessException("Aucun fichier reçu : choisissez un logo.");
            await using var stream = file.OpenReadStream();
            await s.UploadLogoAsync(stream, Int(form["maxWidth"]), Int(form["maxHeight"]), ct);
            return await s.GetAsync(ct);
        }).Accepts<IFormFile>("multipart/form-data");
        settings.MapPut("/logo/size", async (LogoSizeRequest r, StructureSettingsService s, CancellationToken ct) =>
        {
            await s.ResizeLogoAsync(r.MaxWidth, r.MaxHeight, ct);
            return await s.GetAsync(ct);
        });
        settings.MapDelete("/logo", async (StructureSettingsService s, CancellationToken ct) =>
        {
            await s.RemoveLogoAsync(ct);
            return Results.NoContent();
        });
        settings.MapGet("/logo", async (bool? original, StructureSettingsService s, CancellationToken ct) =>
            await s.GetLogoAsync(original == true, ct) is { } logo ? LogoResult(logo, "private, no-cache") : Results.NotFound());
    }

    private static void MapDefaults(IEndpointRouteBuilder endpoints)
    {
        var defaults = endpoints.MapApiGroup("host/reference-defaults", "Listes par défaut").RequirePermission(ReferenceDataPermissions.Defaults);
        defaults.MapGet("/", async (DefaultsService s, CancellationToken ct) =>
            new DefaultsResponse(await s.ListAsync(ct), await s.ListAgeBracketsAsync(ct)));
        defaults.MapPost("/items/{kind}", async (string kind, LabelRequest r, DefaultsService s, CancellationToken ct) =>
            Results.Ok(await s.AddAsync(Kind(kind), r.Label, ct)));
        defaults.MapPut("/items/{id:guid}", async (Guid id, DefaultItemRequest r, DefaultsService s, CancellationToken ct) =>
        {
            if (r.Label is not null)
                await s.RenameAsync(id, r.Label, ct);
            if (r.IsSensitive is { } sensitive)
                await s.SetSensitiveAsync(id, sensitive, ct);
            return Results.NoContent();
        });
        defaults.MapPost("/items/{id:guid}/move", async (Guid id, MoveRequest r, DefaultsService s, CancellationToken ct) =>
        {
            await s.MoveAsync(id, Direction(r.Direction), ct);
            return Results.NoContent();
        });
        defaults.MapDelete("/items/{id:guid}", async (Guid id, DefaultsService s, CancellationToken ct) =>
        {
            await s.DeleteAsync(id, ct);
            return Results.NoContent();
        });
        defaults.MapPost("/age-brackets", async (AgeBracketRequest r, DefaultsService s, CancellationToken ct) =>
            Results.Ok(await s.AddAgeBracketAsync(new AgeBracketInput(r.Label, r.MinAge, r.MaxAge), ct)));
        defaults.MapPut("/age-brackets/{id:guid}", async (Guid id, AgeBracketRequest r, DefaultsService s, CancellationToken ct) =>
        {
            await s.UpdateAgeBracketAsync(id, new AgeBracketInput(r.Label, r.MinAge, r.MaxAge), ct);
            return Results.NoContent();
        });
        defaults.MapDelete("/age-brackets/{id:guid}", async (Guid id, DefaultsService s, CancellationToken ct) =>
        {
            await s.DeleteAgeBracketAsync(id, ct);
            return Results.NoContent();
        });
        defaults.MapPost("/provision-existing", async (DefaultsService s, CancellationToken ct) =>
            Results.Ok(new { structures = await s.ProvisionExistingStructuresAsync(ct) }));
    }

    private static void MapLogos(IEndpointRouteBuilder endpoints)
    {
        // Public on purpose: the resized logo is for the ludothèque kiosk, shown to people
        // not signed in. Only the resized copy; the original stays behind /structure/logo.
        endpoints.MapGet("/logo/{structureId:guid}", async (Guid structureId, string? v, StructureSettingsService s, CancellationToken ct) =>
            await s.GetPublicLogoAsync(structureId, ct) is { } logo
                ? LogoResult(logo, v is not null && v == LogoUrls.Version(logo.UpdatedAtUtc) ? "public, max-age=31536000, immutable" : "public, max-age=300")
                : Results.NotFound())
            .AllowAnonymous()
            .ExcludeFromDescription();

        // The signed-in user's structure; the original (as uploaded) only for those who manage the settings.
        endpoints.MapGet("/structure/logo", async (bool? original, StructureSettingsService s, ICurrentUser user, CancellationToken ct) =>
            {
                if (original == true && !user.HasPermission(ReferenceDataPermissions.Manage))
                    return Results.StatusCode(StatusCodes.Status403Forbidden);
                return await s.GetLogoAsync(original == true, ct) is { } logo ? LogoResult(logo, "private, no-cache") : Results.NotFound();
            })
            .RequireAuthorization()
            .AddEndpointFilter<ApiExceptionFilter>()
            .ExcludeFromDescription();
    }

    private static IResult LogoResult(LogoFile logo, string cacheControl) =>
        new CacheControlResult(Results.File(logo.Bytes, logo.ContentType,
            lastModified: new DateTimeOffset(DateTime.SpecifyKind(logo.UpdatedAtUtc, DateTimeKind.Utc)),
            entityTag: new EntityTagHeaderValue($"\"{LogoUrls.Version(logo.UpdatedAtUtc)}\"")), cacheControl);

    private static ReferenceListKind Kind(string kind) =>
        ReferenceListKinds.TryParse(kind, out var k) ? k : throw new EntityNotFoundException("Liste", kind);

    private static MoveDirection Direction(string? direction) => direction?.Trim().ToLowerInvariant() switch
    {
        "up" or "haut" => MoveDirection.Up,
        "down" or "bas" => MoveDirection.Down,
        _ => throw new BusinessException("La direction doit être « up » ou « down »."),
    };

    private static int? Int(string? value) => int.TryParse(value, out var n) ? n : null;

    private sealed class CacheControlResult(IResult inner, string cacheControl) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = cacheControl;
            return inner.ExecuteAsync(httpContext);
        }
    }
}
