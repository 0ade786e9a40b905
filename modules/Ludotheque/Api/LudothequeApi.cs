using CentresConnectes.Ludotheque.Application;
using CentresConnectes.Ludotheque.Contracts;
using CentresConnectes.Platform.Api;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace CentresConnectes.Ludotheque.Api;

public sealed record PresenceRemoval(string? Reason);

/// <summary>The ludothèque's API: the same application services as the pages.</summary>
internal static class LudothequeApi
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var slots = endpoints.MapApiGroup("ludotheque/slots", "Ludothèque");

        slots.MapGet("/", (DateOnly from, DateOnly to, SlotService s, CancellationToken ct) => s.ListAsync(from, to, ct))
            .RequirePermission(LudothequePermissions.Read);

        slots.MapPost("/generate", (SlotGenerationInput input, SlotService s, CancellationToken ct) => s.GenerateAsync(input, ct))
            .RequirePermission(LudothequePermissions.Slots);

        slots.MapPost("/delete", (SlotDeletionInput input, SlotService s, CancellationToken ct) => s.DeleteAsync(input, ct))
            .RequirePermission(LudothequePermissions.Slots);

        slots.MapGet("/{id:guid}/presences", (Guid id, PresenceService s, CancellationToken ct) => s.ListForSlotAsync(id, ct))
            .RequirePermission(LudothequePermissions.Read);

        var presences = endpoints.MapApiGroup("ludotheque/presences", "Ludothèque");

        presences.MapGet("/counter", async (PresenceService s, CancellationToken ct) =>
            {
                var counter = await s.CounterAsync(ct);
                return new { openSlotId = counter.OpenSlot?.Id, present = counter.Present, nextSlotStartsAtUtc = counter.NextSlot?.StartsAtUtc };
            })
            .RequirePermission(LudothequePermissions.Read);

        presences.MapPost("/", (StaffPresenceInput input, PresenceService s, CancellationToken ct) => s.RecordAsync(input, ct))
            .RequirePermission(LudothequePermissions.Presences);

        presences.MapPost("/{id:guid}/remove", async (Guid id, PresenceRemoval body, PresenceService s, CancellationToken ct) =>
            {
                await s.RemoveAsync(id, body.Reason, ct);
                return Results.NoContent();
            })
            .RequirePermission(LudothequePermissions.Presences);

        var lists = endpoints.MapApiGroup("ludotheque/attendance", "Ludothèque");

        lists.MapPost("/", (AttendanceQuery query, AttendanceListService s, CancellationToken ct) => s.BuildAsync(query, ct))
            .RequirePermission(LudothequePermissions.AttendanceLists);
    }
}
