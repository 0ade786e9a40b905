using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Bornes;

/// <summary>The live counter for staff pages (htmx fragment: hx-get="/ludotheque/compteur" hx-trigger="load, every 15s").</summary>
[RequirePermission(LudothequePermissions.Read)]
public sealed class CompteurModel(PresenceService presences) : PageModel
{
    public PresenceCounter Counter { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Counter = await presences.CounterAsync(ct);
}
