using System.Text.Json;
using CentresConnectes.SmsAlerts.Application;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CentresConnectes.SmsAlerts.Api;

/// <summary>
/// The providers' callbacks, outside /api (no account calls them): authenticated by the structure's
/// secret token in the address, answered 404 for an unknown token. All provider formats live here.
/// </summary>
internal static class SmsWebhooks
{
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var hooks = endpoints.MapGroup("/webhooks/sms/{token}").WithTags("Alertes – notifications des fournisseurs").DisableAntiforgery().AllowAnonymous();

        // OVHcloud: delivery receipts as a GET with the fields in the query string (id, dlr: 1 delivered, 2/16 failed).
        hooks.MapGet("/ovh", (string token, HttpRequest request, WebhookService hooks, CancellationToken ct) =>
            Handle(hooks, token, async h =>
            {
                var q = request.Query;
                var id = q["id"].ToString() is { Length: > 0 } i ? i : q["smsId"].ToString();
                var dlr = q["dlr"].ToString() is { Length: > 0 } d ? d : q["status"].ToString();
                if (id.Length > 0 && dlr is "1" or "2" or "16")
                    await h.ReceiptAsync(new Receipt(id, dlr == "1", q["description"].ToString() is { Length: > 0 } r ? r : null), ct);
                if (q["message"].ToString() is { Length: > 0 } text && q["senderid"].ToString() is { Length: > 0 } from)
                    await h.ReplyAsync(new Reply(from, text), ct);
            }, ct));

        // Brevo: status webhooks (messageId, event / msg_status) and inbound replies (event "reply" or "inboundSms").
        hooks.MapPost("/brevo", async (string token, HttpRequest request, WebhookService hooks, CancellationToken ct) =>
        {
            JsonElement body;
            try
            {
                body = await JsonSerializer.DeserializeAsync<JsonElement>(request.Body, cancellationToken: ct);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }
            return await Handle(hooks, token, async h =>
            {
                var ev = Text(body, "event") ?? Text(body, "msg_status") ?? Text(body, "status") ?? "";
                if (ev is "reply" or "inboundSms" or "replied")
                {
                    if ((Text(body, "from") ?? Text(body, "phone_number")) is { } from && (Text(body, "text") ?? Text(body, "reply")) is { } text)
                        await h.ReplyAsync(new Reply(from, text), ct);
                    return;
                }
                if (Text(body, "messageId") is { } id)
                {
                    if (ev is "delivered" or "accepted")
                        await h.ReceiptAsync(new Receipt(id, true, null), ct);
                    else if (ev is "hardBounce" or "softBounce" or "rejected" or "failed" or "blacklisted" or "unsubscribed")
                        await h.ReceiptAsync(new Receipt(id, false, ev), ct);
                }
            }, ct);
        });

        // Any provider forwarding replies as a simple form or query (from, text).
        hooks.MapPost("/reponses", async (string token, HttpRequest request, WebhookService hooks, CancellationToken ct) =>
        {
            var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
            var from = form?["from"].ToString() ?? request.Query["from"].ToString();
            var text = form?["text"].ToString() ?? request.Query["text"].ToString();
            if (string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(text))
                return Results.BadRequest();
            return await Handle(hooks, token, h => h.ReplyAsync(new Reply(from, text), ct), ct);
        });
    }

    private static string? Text(JsonElement body, string name) =>
        body.ValueKind == JsonValueKind.Object && body.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() : v.ToString() : null;

    private static async Task<IResult> Handle(WebhookService hooks, string token, Func<WebhookHandler, Task> work, CancellationToken ct) =>
        await hooks.InStructureAsync(token, sp => work(sp.GetRequiredService<WebhookHandler>()), ct) ? Results.Ok() : Results.NotFound();
}
