using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.Platform.Infrastructure;

/// <summary>
/// Every 4xx (and 5xx) answer of the API is a French RFC 9457 problem-details body — title, detail
/// and, for a field the client got wrong, <c>errors</c> per field — in Production and Development
/// alike. Minimal APIs are told to throw on a request they cannot bind (malformed or truncated JSON,
/// a number where text is expected, "31/02/2020", a form body where JSON is expected, a missing file
/// part): those become 400/415 problems here and are logged as warnings — the client's mistake, not
/// an unhandled exception. Answers left without a body (a route that does not match, a non-GUID id,
/// 401/403/405/413) get one too.
/// </summary>
public static partial class ApiProblems
{
    private static readonly Dictionary<int, (string Title, string Detail)> Texts = new()
    {
        [400] = ("Requête invalide.", "La requête ne peut pas être traitée telle quelle : corrigez-la."),
        [401] = ("Authentification requise.", "Connectez-vous ou envoyez une clé d'API valide (en-tête X-Api-Key)."),
        [403] = ("Accès refusé.", "Votre compte n'a pas la permission nécessaire pour cette opération."),
        [404] = ("Introuvable.", "Aucune ressource à cette adresse : l'identifiant n'existe pas, appartient à une autre structure ou n'est pas un identifiant (GUID) valide."),
        [405] = ("Méthode non autorisée.", "Cette adresse n'accepte pas cette méthode HTTP."),
        [406] = ("Format de réponse non disponible.", "L'API répond en JSON (application/json)."),
        [409] = ("Conflit.", "L'opération entre en conflit avec l'état actuel des données."),
        [413] = ("Requête trop volumineuse.", "Le corps de la requête dépasse la taille autorisée."),
        [415] = ("Type de contenu non pris en charge.", "Envoyez le corps en JSON (Content-Type: application/json), ou un fichier en multipart/form-data là où un fichier est attendu."),
        [422] = ("Données invalides.", "Les données envoyées ne sont pas valides."),
        [429] = ("Trop de requêtes.", "Trop de requêtes en peu de temps : réessayez dans un moment."),
        [500] = ("Erreur interne.", "Une erreur inattendue s'est produite ; elle a été enregistrée. Réessayez plus tard."),
        [503] = ("Service indisponible.", "Le service est momentanément indisponible : réessayez plus tard."),
    };

    /// <summary>The English reason phrases ASP.NET Core uses as default titles (replaced by French ones).</summary>
    private static bool IsDefaultTitle(string? title, int status) =>
        string.IsNullOrEmpty(title) || title == Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status)
        || title.StartsWith("One or more validation errors", StringComparison.Ordinal)
        || title.StartsWith("An error occurred", StringComparison.Ordinal);

    public static IServiceCollection AddFrenchApiProblems(this IServiceCollection services)
    {
        services.AddProblemDetails(o => o.CustomizeProblemDetails = context => Frenchify(context.ProblemDetails, context.HttpContext));
        // Binding failures throw (instead of an empty 400), so the middleware below answers them in French.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        return services;
    }

    /// <summary>French title and detail for the status when the producer left the defaults.</summary>
    public static void Frenchify(ProblemDetails problem, HttpContext? http)
    {
        var status = problem.Status ?? http?.Response.StatusCode ?? 500;
        if (!Texts.TryGetValue(status, out var text))
            text = status >= 500 ? Texts[500] : Texts[400];
        if (IsDefaultTitle(problem.Title, status))
            problem.Title = text.Title;
        // An exception's text (English, maybe internal) never reaches the client.
        if (problem.Detail is null || (status >= 500 && problem.Detail != text.Detail) || LooksEnglish(problem.Detail))
            problem.Detail = text.Detail;
        problem.Extensions.Remove("exception");
    }

    private static bool LooksEnglish(string detail) =>
        detail.StartsWith("The ", StringComparison.Ordinal) || detail.StartsWith("Failed ", StringComparison.Ordinal)
        || detail.StartsWith("Required ", StringComparison.Ordinal) || detail.StartsWith("Expected ", StringComparison.Ordinal)
        || detail.Contains("Exception", StringComparison.Ordinal);

    /// <summary>Wraps the API (/api/…) in the French problem answers; place it before routing.</summary>
    public static IApplicationBuilder UseFrenchApiProblems(this IApplicationBuilder app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseMiddleware<ApiProblemMiddleware>());

    private sealed class ApiProblemMiddleware(RequestDelegate next, ILogger<ApiProblemMiddleware> logger)
    {
        public async Task InvokeAsync(HttpContext context)
        {
            try
            {
                await next(context);
            }
            catch (BadHttpRequestException ex) when (!context.Response.HasStarted)
            {
                // The client's mistake (its request could not be read or bound): a warning, not an error.
                logger.LogWarning("API request refused ({Status}) on {Method} {Path}: {Reason}", ex.StatusCode, context.Request.Method, context.Request.Path, ex.Message);
                context.Response.Clear();
                context.Response.StatusCode = ex.StatusCode;
                await WriteAsync(context, FromBadRequest(ex));
                return;
            }
            if (context.Response.StatusCode >= 400 && !context.Response.HasStarted && context.Response.ContentLength is null or 0
                && context.Response.ContentType is null)
                await WriteAsync(context, new ProblemDetails { Status = context.Response.StatusCode });
        }

        private static async Task WriteAsync(HttpContext context, ProblemDetails problem)
        {
            problem.Status ??= context.Response.StatusCode;
            Frenchify(problem, context);
            var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
            if (!await service.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }))
            {
                context.Response.ContentType = "application/problem+json; charset=utf-8";
                await context.Response.WriteAsync(JsonSerializer.Serialize(problem));
            }
        }
    }

    /// <summary>What the client got wrong, in French, with the field when it is known.</summary>
    public static ProblemDetails FromBadRequest(BadHttpRequestException ex)
    {
        var errors = new Dictionary<string, string[]>();
        string? detail = null;
        var message = ex.Message;
        if (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            detail = "Le corps de la requête dépasse la taille autorisée : envoyez un fichier plus petit (découpez-le).";
        else if (ex.StatusCode == StatusCodes.Status415UnsupportedMediaType)
            detail = !message.Contains("JSON", StringComparison.OrdinalIgnoreCase)
                ? "Un fichier est attendu : envoyez la requête en multipart/form-data avec le fichier dans le champ « file »."
                : "Le corps de la requête doit être du JSON (Content-Type: application/json).";
        else if (FindJsonException(ex) is { } json)
        {
            // A value of the wrong type names its field; anything else is the JSON itself (truncated, malformed).
            var path = json.Message.Contains("could not be converted", StringComparison.Ordinal) ? JsonPath(json.Path) : null;
            if (path is null)
                detail = JsonSyntax(json);
            else
            {
                errors[path] = [JsonValueError(json)];
                detail = $"La valeur du champ « {path} » est invalide.";
            }
        }
        else if (message.Contains("from the request body as JSON", StringComparison.Ordinal) || message.Contains("body was not provided", StringComparison.Ordinal)
                 || message.Contains("Implicit body inferred", StringComparison.Ordinal))
            detail = "Le corps de la requête est vide ou n'est pas du JSON valide.";
        else if (ParameterName().Match(message) is { Success: true } parameter)
        {
            var name = parameter.Groups["name"].Value;
            var type = parameter.Groups["type"].Value;
            if (message.StartsWith("Required parameter", StringComparison.Ordinal))
            {
                errors[name] = type.Contains("IFormFile", StringComparison.Ordinal)
                    ? ["Joignez le fichier dans le champ « " + name + " » (multipart/form-data)."]
                    : ["Ce paramètre est obligatoire."];
                detail = type.Contains("IFormFile", StringComparison.Ordinal) ? "Aucun fichier n'a été envoyé." : $"Le paramètre « {name} » manque.";
            }
            else
            {
                errors[name] = [ExpectedValue(type, FailedValue().Match(message) is { Success: true } value ? value.Groups["value"].Value : null)];
                detail = $"La valeur du paramètre « {name} » est invalide.";
            }
        }
        var problem = new ProblemDetails
        {
            Status = ex.StatusCode,
            Title = ex.StatusCode == 400 ? "Requête invalide." : null,
            Detail = detail ?? (ex.StatusCode == 400 ? "La requête ne peut pas être lue : vérifiez son format (JSON, types des valeurs, paramètres)." : null),
        };
        if (errors.Count > 0)
            problem.Extensions["errors"] = errors;
        return problem;
    }

    private static JsonException? FindJsonException(Exception? exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JsonException json)
                return json;
        }
        return null;
    }

    /// <summary>"$.dateOfBirth" → "dateOfBirth", "$.groupIds[1]" → "groupIds[1]"; "$" or none → null (the whole body).</summary>
    private static string? JsonPath(string? path) =>
        path is null || path == "$" ? null : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private static string JsonSyntax(JsonException json)
    {
        var where = json.LineNumber is { } line ? $" (ligne {line + 1}, position {json.BytePositionInLine + 1})" : "";
        return $"Le corps de la requête n'est pas du JSON valide{where} : vérifiez les guillemets, virgules et accolades (corps tronqué ?).";
    }

    /// <summary>"The JSON value could not be converted to System.DateOnly" → what the field expects, in French.</summary>
    private static string JsonValueError(JsonException json)
    {
        var type = ConvertedType().Match(json.Message) is { Success: true } match ? match.Groups["type"].Value : "";
        return ExpectedValue(type, null);
    }

    private static string ExpectedValue(string type, string? value)
    {
        var shown = value is null ? "" : $"« {(value.Length > 40 ? value[..40] + "…" : value)} » : ";
        var expected = type switch
        {
            _ when type.Contains("DateOnly", StringComparison.Ordinal) => "une date existante au format aaaa-mm-jj est attendue (ex. 2020-02-29)",
            _ when type.Contains("DateTime", StringComparison.Ordinal) => "une date et heure au format ISO 8601 est attendue (ex. 2026-03-01T14:30:00+01:00)",
            _ when type.Contains("TimeOnly", StringComparison.Ordinal) => "une heure au format hh:mm est attendue (ex. 14:30)",
            _ when type.Contains("Guid", StringComparison.Ordinal) => "un identifiant (GUID) est attendu (ex. 0190f3a2-5b7c-7d2e-8f00-123456789abc)",
            _ when type.Contains("Boolean", StringComparison.Ordinal) || type.Contains("bool", StringComparison.Ordinal) => "true ou false est attendu",
            _ when type.Contains("Int", StringComparison.Ordinal) || type.Contains("int", StringComparison.Ordinal) || type.Contains("Decimal", StringComparison.Ordinal) => "un nombre est attendu",
            _ when type.Contains("String", StringComparison.Ordinal) || type.Contains("string", StringComparison.Ordinal) => "un texte entre guillemets est attendu",
            _ when type.Contains("List", StringComparison.Ordinal) || type.Contains("[]", StringComparison.Ordinal) => "une liste [ … ] est attendue",
            _ when type.Length > 0 && !type.StartsWith("System.", StringComparison.Ordinal) => "une des valeurs prévues est attendue (voir la documentation de l'API)",
            _ => "la valeur n'a pas le type attendu",
        };
        return shown + char.ToUpperInvariant(expected[0]) + expected[1..] + ".";
    }

    [GeneratedRegex("converted to (?<type>[\\w.`\\[\\], ]+?)\\. Path", RegexOptions.CultureInvariant)]
    private static partial Regex ConvertedType();

    [GeneratedRegex("parameter \"(?<type>[^\"]+?) (?<name>[\\w]+)\"", RegexOptions.CultureInvariant)]
    private static partial Regex ParameterName();

    [GeneratedRegex("from \"(?<value>[^\"]*)\"", RegexOptions.CultureInvariant)]
    private static partial Regex FailedValue();
}
