using System.Text.Json.Serialization;
using CentresConnectes.Platform.Contracts;

namespace CentresConnectes.Ludotheque.Domain;

[JsonConverter(typeof(JsonStringEnumConverter<PresenceSource>))]
public enum PresenceSource
{
    /// <summary>The family ticked it on the kiosk after signing in.</summary>
    Kiosk = 0,
    /// <summary>The family showed its QR card to the kiosk.</summary>
    QrCard = 1,
    /// <summary>Staff recorded it (back-dated, or as the family).</summary>
    Staff = 2,
}

/// <summary>One person present in one slot: the database allows one row per (slot, person).</summary>
public sealed class Presence : IMultiTenant
{
    private Presence() { }

    public Presence(Guid slotId, Guid personId, Guid? householdId, DateTime arrivedAtUtc, PresenceSource source,
        Guid? recordedByUserId, Guid? onBehalfOfUserId, Guid? checkInId)
    {
        Id = Guid.CreateVersion7();
        SlotId = slotId;
        PersonId = personId;
        HouseholdId = householdId;
        ArrivedAtUtc = DateTime.SpecifyKind(arrivedAtUtc, DateTimeKind.Utc);
        Source = source;
        RecordedByUserId = recordedByUserId;
        OnBehalfOfUserId = onBehalfOfUserId;
        CheckInId = checkInId;
    }

    public Guid Id { get; private set; }
    public Guid TenantId { get; private set; }
    public Guid SlotId { get; private set; }
    /// <summary>A person of the Members register (by id: no navigation across modules).</summary>
    public Guid PersonId { get; private set; }
    public Guid? HouseholdId { get; private set; }
    public DateTime ArrivedAtUtc { get; private set; }
    public PresenceSource Source { get; private set; }
    /// <summary>The account that recorded it (a staff member, or the family's own account).</summary>
    public Guid? RecordedByUserId { get; private set; }
    /// <summary>The staff member acting as the family, when one did.</summary>
    public Guid? OnBehalfOfUserId { get; private set; }
    /// <summary>The kiosk's id for one VALIDER: a replay of the same check-in is recognised by it.</summary>
    public Guid? CheckInId { get; private set; }
}
