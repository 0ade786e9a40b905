using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Borne;

/// <summary>The kiosk's live counter (an htmx fragment polled by the home page): the device's structure only.</summary>
[AllowAnonymous]
[KioskPage]
public sealed class CompteurModel(PresenceService presences) : PageModel
{
    public PresenceCounter Counter { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => Counter = await presences.CounterAsync(ct);
}
