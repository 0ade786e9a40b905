using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Mvc;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Bornes;

/// <summary>« Bornes »: make this device the structure's kiosk (Mode borne), see the kiosks, withdraw one.</summary>
[RequirePermission(LudothequePermissions.Kiosk)]
public sealed class IndexModel(KioskDeviceService devices, AccountService accounts) : AppPageModel
{
    [BindProperty] public string? Name { get; set; }
    public IReadOnlyList<KioskDeviceView> Devices { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Devices = await devices.ListAsync(ct);

    public async Task<IActionResult> OnPostEnrolAsync(CancellationToken ct)
    {
        string? token = null;
        if (!await TryAsync(async () => token = (await devices.EnrolAsync(Name, ct)).Token))
        {
            Devices = await devices.ListAsync(ct);
            return Page();
        }
        // This browser becomes the kiosk: it keeps the credential, and the staff session ends here (a
        // kiosk must never stay signed in as staff).
        KioskDeviceService.WriteCookie(Response, token!);
        await accounts.SignOutAsync(ct);
        return Redirect("/ludotheque/borne");
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken ct)
    {
        await devices.RevokeAsync(id, ct);
        FlashSuccess("La borne est retirée : elle ne peut plus rien afficher ni enregistrer.");
        return Redirect("/ludotheque/bornes");
    }
}
