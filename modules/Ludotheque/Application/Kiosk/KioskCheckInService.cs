using CentresConnectes.Ludotheque.Domain;
using CentresConnectes.Members.Contracts;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.Platform.Infrastructure;

namespace CentresConnectes.Ludotheque.Application.Kiosk;

public sealed record FamilyMemberView(Guid PersonId, string FirstName, string LastName, string AvatarUrl, bool AlreadyPresent)
{
    public string FullName => $"{FirstName} {LastName}".Trim();
}

/// <summary>
/// The « Fiche de présence » of one family: its members, the slot open now (or when it next opens),
/// and the ticket VALIDER sends back.
/// </summary>
public sealed record FamilyPage(
    Guid HouseholdId,
    string FamilyName,
    string DateText,
    IReadOnlyList<FamilyMemberView> Members,
    Slot? OpenSlot,
    Slot? NextSlot,
    string? Ticket)
{
    public bool IsOpen => OpenSlot is not null;

    public string? NextOpeningText => NextSlot is { } next
        ? $"Prochaine ouverture : {SlotText.LongDay(next.Date).ToLower(ParisTime.French)} à {ParisTime.FormatTime(next.Start)}."
        : null;
}

/// <summary>What VALIDER answers kiosk.js: the thanks, or the French reason of a refusal (with its status).</summary>
public sealed record CheckInAnswer(string Message, int? Recorded = null, int? AlreadyPresent = null)
{
    public static CheckInAnswer Of(CheckInResult result) => new(KioskCheckInService.Thanks, result.Recorded, result.AlreadyPresent);

    /// <summary>The refusal of a check-in the service turned down: 404 for a slot or person not there, 400 otherwise.</summary>
    public static (CheckInAnswer Answer, int Status) Refusal(Exception refused) => refused is EntityNotFoundException
        ? (new("Ce créneau ou cette personne n'existe pas ici."), 404)
        : (new(refused.Message), 400);
}

/// <summary>The kiosk's check-in (and the family page staff open when acting as a family): shows, then records through <see cref="PresenceService"/>.</summary>
public sealed class KioskCheckInService(
    PresenceService presences,
    IMemberDirectory members,
    CheckInTickets tickets,
    ICurrentTenant tenant,
    ICurrentUser user,
    IAuditLog audit,
    TimeProvider clock)
{
    public const string Thanks = "Merci, votre présence a bien été prise en compte";

    /// <param name="deviceId">The kiosk showing the page; null when a signed-in account (staff acting as the family) does.</param>
    public async Task<FamilyPage> GetPageAsync(Guid householdId, Guid? deviceId, PresenceSource source, Guid? familyUserId, CancellationToken ct = default)
    {
        var tenantId = tenant.RequireId();
        // Two round trips: the family with its members, the slot open now with who of them is in it.
        var household = await members.FindFamilyAsync(householdId, ct) ?? throw new EntityNotFoundException("Famille", householdId);
        var now = clock.GetUtcNow().UtcDateTime;
        var openNow = await presences.FindOpenSlotWithPresentAsync(now, householdId, ct);
        var open = openNow?.Slot;
        var present = openNow is { } o ? o.Present.ToHashSet() : [];
        var list = household.Members
            .OrderBy(p => p.DateOfBirth).ThenBy(p => p.FirstName, StringComparer.Create(ParisTime.French, true))
            .Select(p => new FamilyMemberView(p.Id, p.FirstName, p.LastName, p.AvatarUrl, present.Contains(p.Id)))
            .ToList();
        var ticket = open is null ? null : tickets.Issue(new CheckInTicket(tenantId, deviceId, householdId, open.Id, now, source, familyUserId));
        return new FamilyPage(householdId, household.Name, SlotText.LongDay(ParisTime.Today(clock)), list, open,
            open is null ? await presences.FindNextSlotAsync(now, ct) : null, ticket);
    }

    /// <summary>
    /// VALIDER (or its replay from a kiosk that was offline): records the ticked persons in the ticket's
    /// slot. The arrival time is the kiosk's click time kept within the ticket's life and the slot, so
    /// a replay lands where it belongs and a wrong tablet clock cannot move it elsewhere.
    /// </summary>
    public async Task<CheckInResult> ValidateAsync(string? ticketValue, Guid? deviceId, IReadOnlyCollection<Guid> personIds, Guid checkInId,
        DateTime? clickedAtUtc, CancellationToken ct = default)
    {
        var tenantId = tenant.RequireId();
        var ticket = tickets.Read(ticketValue, tenantId, deviceId);
        // Off the kiosk, the page was issued to a signed-in family account (or staff acting as it): only that account may use it.
        if (deviceId is null && ticket.FamilyUserId != user.Id)
            throw new BusinessException(CheckInTickets.Refused);
        if (checkInId == Guid.Empty)
            throw new BusinessException(CheckInTickets.Refused);
        var now = clock.GetUtcNow().UtcDateTime;
        var arrived = clickedAtUtc is { } clicked ? DateTime.SpecifyKind(clicked, DateTimeKind.Utc) : now;
        if (arrived < ticket.IssuedAtUtc) arrived = ticket.IssuedAtUtc;
        if (arrived > now) arrived = now;
        var result = await presences.CheckInAsync(
            new CheckInCommand(ticket.HouseholdId, ticket.SlotId, personIds, checkInId, arrived, ticket.Source, ticket.FamilyUserId), ct);
        if (user.IsImpersonated && result.Recorded > 0)
        {
            // Staff acting as the family: the entry names both (the family's account and the staff member).
            var family = await members.FindHouseholdAsync(ticket.HouseholdId, ct);
            await audit.WriteAsync("Présence saisie pour la famille", "Famille", ticket.HouseholdId.ToString(),
                $"Famille {family?.Name} : {result.Recorded} personne(s)", ct);
        }
        return result;
    }
}
