using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Platform.Areas.Platform.Pages.Admin;

[RequirePermission(PlatformPermissions.SentMail)]
public sealed class SentMailModel(SentMailService mail) : AppPageModel
{
    public bool IsPickup => mail.IsPickup;
    public IReadOnlyList<SentMailView> Messages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Messages = await mail.LastAsync(30, ct);
}
