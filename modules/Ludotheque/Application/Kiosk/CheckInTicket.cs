using System.Security.Cryptography;
using System.Text.Json;
using CentresConnectes.Platform.Contracts;
using Microsoft.AspNetCore.DataProtection;

namespace CentresConnectes.Ludotheque.Application.Kiosk;

/// <summary>
/// What a family page is allowed to record, issued with the page and sent back with VALIDER: the
/// structure, the device, the household, the slot open when the page was shown, and when. It is
/// data-protected (encrypted and signed), so the kiosk cannot swap the slot, the household or the
/// time; and it lets a check-in kept offline be replayed after the family session has ended, for
/// the slot of the original time.
/// </summary>
public sealed record CheckInTicket(
    Guid TenantId,
    Guid? DeviceId,
    Guid HouseholdId,
    Guid SlotId,
    DateTime IssuedAtUtc,
    CentresConnectes.Ludotheque.Domain.PresenceSource Source,
    Guid? FamilyUserId);

public sealed class CheckInTickets(IDataProtectionProvider protection, TimeProvider clock)
{
    /// <summary>How long a kiosk may keep an unsent check-in and still have it accepted (a day of flaky Wi-Fi).</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromHours(12);

    public const string Refused = "Cette fiche de présence n'est plus valable : reconnectez-vous pour recommencer.";

    // Not the time-limited protector: it checks the machine clock, and the ticket's life is measured
    // with the application's TimeProvider from its own IssuedAtUtc.
    private readonly IDataProtector _protector = protection.CreateProtector("Ludotheque.CheckInTicket.v1");

    public string Issue(CheckInTicket ticket) => _protector.Protect(JsonSerializer.Serialize(ticket));

    /// <summary>The ticket, or a French refusal when it was forged, altered, expired or is for another structure or device.</summary>
    public CheckInTicket Read(string? value, Guid tenantId, Guid? deviceId)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 4000)
            throw new BusinessException(Refused);
        CheckInTicket? ticket;
        try
        {
            ticket = JsonSerializer.Deserialize<CheckInTicket>(_protector.Unprotect(value));
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException or FormatException)
        {
            throw new BusinessException(Refused);
        }
        if (ticket is null || ticket.TenantId != tenantId || ticket.DeviceId != deviceId
            || ticket.IssuedAtUtc.Add(ReplayWindow) < clock.GetUtcNow().UtcDateTime)
            throw new BusinessException(Refused);
        return ticket;
    }
}
