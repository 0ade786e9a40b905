using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Areas.Ludotheque.Pages.Familles;

/// <summary>« Inscriptions à vérifier »: families that registered themselves on the kiosk, for staff to check in person (ADR 0016).</summary>
[RequirePermission(LudothequePermissions.Kiosk)]
public sealed class AVerifierModel(FamilyAccountService accounts) : AppPageModel
{
    public IReadOnlyList<FamilyToVerify> Families { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Families = await accounts.ListToVerifyAsync(ct);
}
