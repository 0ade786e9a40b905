using CentresConnectes.Platform.Contracts;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>The super-admin's view of every structure's SMS settings (host level, one structure at a time).</summary>
public sealed class HostSmsSettings(IServiceScopeFactory scopes, ICurrentUser user)
{
    public Task<SmsSettingsView> GetAsync(Guid structureId, CancellationToken ct) =>
        InStructureAsync(structureId, sp => sp.GetRequiredService<SmsSettingsService>().GetAsync(ct));

    public Task<QuotaView> QuotaAsync(Guid structureId, CancellationToken ct) =>
        InStructureAsync(structureId, async sp => await sp.GetRequiredService<QuotaService>()
            .GetAsync(await sp.GetRequiredService<SmsSettingsService>().GetOrCreateAsync(ct), ct));

    public Task UpdateProviderAsync(Guid structureId, ProviderSettingsInput input, CancellationToken ct) =>
        InStructureAsync(structureId, async sp =>
        {
            await sp.GetRequiredService<SmsSettingsService>().UpdateProviderAsync(input, ct);
            return true;
        });

    private async Task<T> InStructureAsync<T>(Guid structureId, Func<IServiceProvider, Task<T>> work)
    {
        if (!user.IsSuperAdmin)
            throw new BusinessException("Réservé au super-administrateur.");
        await using var scope = scopes.CreateAsyncScope();
        // cross-tenant: the super-admin sets each structure's provider and quota, inside that structure (its secrets' purpose included). (test: Provider_secrets_of_one_structure_do_not_open_in_another)
        using (scope.ServiceProvider.GetRequiredService<ICurrentTenant>().Change(structureId))
            return await work(scope.ServiceProvider);
    }
}
