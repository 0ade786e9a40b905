using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentresConnectes.Web.Pages;

/// <summary>Friendly French error pages (re-executed for 404/403/500), without technical details.</summary>
[AllowAnonymous]
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }
    public string Title { get; private set; } = "";
    public string Message { get; private set; } = "";

    public void OnGet(int? code) => Set(code);

    public void OnPost(int? code) => Set(code);

    private void Set(int? code)
    {
        // A request the server refused while reading it (a file over the size limit) keeps its own status.
        var refused = HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>()?.Error as Microsoft.AspNetCore.Http.BadHttpRequestException;
        Code = refused?.StatusCode ?? code ?? 500;
        (Title, Message) = Code switch
        {
            404 => ("Page introuvable", "Cette page n'existe pas, ou vous n'y avez pas accès."),
            403 => ("Accès refusé", "Votre compte n'a pas le droit d'ouvrir cette page. Adressez-vous à l'administrateur de votre structure."),
            413 => ("Fichier trop volumineux", "Le fichier envoyé dépasse la taille permise. Réduisez-le ou découpez-le en plusieurs fichiers, puis recommencez."),
            429 => ("Trop de tentatives", "Trop de tentatives en peu de temps. Patientez une minute, puis réessayez."),
            400 => ("Demande invalide", "La demande n'a pas pu être comprise. Rechargez la page et recommencez."),
            _ => ("Une erreur est survenue", "Nous n'avons pas pu traiter votre demande. Réessayez dans un instant ; si cela continue, prévenez l'administrateur."),
        };
        if (refused is not null || (HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is null && code is not null))
            Response.StatusCode = Code;
    }
}
