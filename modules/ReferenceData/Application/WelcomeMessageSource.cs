using CentresConnectes.Platform.Data;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.ReferenceData.Data;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>The welcome message of the current structure (the tenant filter picks the row).</summary>
internal sealed class WelcomeMessageSource(AppDbContext db) : IWelcomeMessageSource
{
    public async Task<string?> GetCurrentAsync(CancellationToken ct = default)
    {
        var html = await db.StructureSettings().AsNoTracking().Select(s => s.WelcomeMessageHtml).SingleOrDefaultAsync(ct);
        // Sanitised again on the way out: a row written before today's rules (or by hand) is still safe on an anonymous page.
        return WelcomeMessageSanitizer.Sanitize(html);
    }
}
