using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Data;
using CentresConnectes.SmsAlerts.Domain;
using Microsoft.EntityFrameworkCore;

namespace CentresConnectes.SmsAlerts.Application;

/// <summary>Why a person does not receive a message through a channel (null = receives it).</summary>
public enum Exclusion
{
    NoConsent = 1,
    NoAddress = 2,
    InvalidAddress = 3,
    OptedOut = 4,
}

/// <summary>How many persons a channel reaches and why the others are left out.</summary>
public sealed record ChannelBreakdown(Channel Channel, int Receiving, int NoConsent, int NoAddress, int Invalid, int OptedOut)
{
    public int Excluded => NoConsent + NoAddress + Invalid + OptedOut;
}

public sealed record RecipientSummary(int Selected, int Receiving, IReadOnlyList<ChannelBreakdown> Channels);

/// <summary>A person who receives through a channel, at an address.</summary>
internal sealed record Recipient(PersonSummaryDto Person, Channel Channel, string Address);

/// <summary>
/// The one rule of who may receive what, used when counting (the form), when scheduling (the rows)
/// and again at send time (a consent withdrawn since then stops the row).
/// </summary>
internal sealed class RecipientRules(AppDbContext db)
{
    public async Task<HashSet<string>> OptOutsAsync(CancellationToken ct) =>
        (await db.Set<OptOut>().AsNoTracking().Select(o => o.E164).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);

    public static (string? Address, Exclusion? Why) Check(PersonSummaryDto p, Channel channel, ISet<string> optOuts)
    {
        if (p.IsAnonymised)
            return (null, Exclusion.NoConsent);
        // The address first: "sans portable" says more than "sans consentement" (consent needs a number).
        if (channel == Channel.Sms)
        {
            if (string.IsNullOrWhiteSpace(p.MobileE164))
                return (null, Exclusion.NoAddress);
            if (!FrenchMobile.Parse(p.MobileE164).IsValid)
                return (null, Exclusion.InvalidAddress);
            if (optOuts.Contains(p.MobileE164))
                return (null, Exclusion.OptedOut);
            if (!p.ConsentSms)
                return (null, Exclusion.NoConsent);
            return (p.MobileE164, null);
        }
        if (string.IsNullOrWhiteSpace(p.Email))
            return (null, Exclusion.NoAddress);
        if (!System.Net.Mail.MailAddress.TryCreate(p.Email, out _))
            return (null, Exclusion.InvalidAddress);
        if (!p.ConsentEmail)
            return (null, Exclusion.NoConsent);
        return (p.Email, null);
    }

    public static (RecipientSummary Summary, List<Recipient> Recipients) Resolve(IReadOnlyList<PersonSummaryDto> persons, Channels channels, ISet<string> optOuts)
    {
        var recipients = new List<Recipient>();
        var breakdowns = new List<ChannelBreakdown>();
        var reached = new HashSet<Guid>();
        foreach (var channel in new[] { Channel.Sms, Channel.Email }.Where(c => channels.HasFlag((Channels)(int)c)))
        {
            int receiving = 0, noConsent = 0, noAddress = 0, invalid = 0, optedOut = 0;
            foreach (var p in persons)
            {
                var (address, why) = Check(p, channel, optOuts);
                switch (why)
                {
                    case null:
                        receiving++;
                        reached.Add(p.Id);
                        recipients.Add(new Recipient(p, channel, address!));
                        break;
                    case Exclusion.NoConsent: noConsent++; break;
                    case Exclusion.NoAddress: noAddress++; break;
                    case Exclusion.InvalidAddress: invalid++; break;
                    case Exclusion.OptedOut: optedOut++; break;
                }
            }
            breakdowns.Add(new ChannelBreakdown(channel, receiving, noConsent, noAddress, invalid, optedOut));
        }
        return (new RecipientSummary(persons.Count, reached.Count, breakdowns), recipients);
    }
}
