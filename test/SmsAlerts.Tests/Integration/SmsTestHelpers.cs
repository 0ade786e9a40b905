using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Application;
using CentresConnectes.SmsAlerts.Domain;
using CentresConnectes.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.SmsAlerts.Tests.Integration;

internal static class SmsTestHelpers
{
    public static Task<List<Delivery>> DeliveriesAsync(this SmsFactory f, Guid structureId, Func<IQueryable<Delivery>, IQueryable<Delivery>>? filter = null) =>
        f.DbAsync(structureId, db => (filter ?? (q => q))(db.Set<Delivery>().AsNoTracking()).OrderBy(d => d.Id).ToListAsync());

    public static Task<Guid> CampaignAsync(this SmsFactory f, Guid structureId, CampaignInput input) =>
        f.InScopeAsync(structureId, sp => sp.GetRequiredService<CampaignService>().CreateAsync(input));

    public static Task<CampaignDetails> CampaignDetailsAsync(this SmsFactory f, Guid structureId, Guid id) =>
        f.InScopeAsync(structureId, sp => sp.GetRequiredService<CampaignService>().GetAsync(id));

    public static Task<Guid> ReminderAsync(this SmsFactory f, Guid structureId, Guid personId, ReminderInput input) =>
        f.InScopeAsync(structureId, sp => sp.GetRequiredService<ReminderService>().CreateAsync(personId, input));

    public static Task<string> WebhookTokenAsync(this SmsFactory f, Guid structureId) =>
        f.InScopeAsync(structureId, async sp => (await sp.GetRequiredService<SmsSettingsService>().GetOrCreateAsync()).WebhookToken);

    public static CampaignInput Campaign(string title, params Guid[] groups) => new()
    {
        Title = title, Sms = true, Message = "Bonjour {prenom}, atelier cuisine jeudi à 14h. {structure}", GroupIds = [.. groups],
    };

    /// <summary>A reminder at a date and time in Paris, sent on the day (J).</summary>
    public static ReminderInput OnDay(DateOnly date, string time = "11:00", params int[] leads) => new()
    {
        Title = "Rendez-vous CAF", Message = "Bonjour {prenom}, rendez-vous le {date}.", Sms = true, Kind = ScheduleKind.Date,
        FirstDate = date, Time = time, LeadDays = leads.Length == 0 ? [0] : [.. leads],
    };

    public static DateOnly Today(this SmsFactory f) => Platform.Infrastructure.ParisTime.Today(f.Clock);
}
