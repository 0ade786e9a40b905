using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using CentresConnectes.SmsAlerts.Domain;

namespace CentresConnectes.SmsAlerts.Providers;

/// <summary>
/// Brevo transactional SMS: POST /v3/transactionalSMS/send (the older /v3/transactionalSMS/sms is
/// deprecated) with the api-key header; the number without its "+", webUrl for status webhooks.
/// </summary>
internal sealed class BrevoSmsProvider(HttpClient http) : ISmsProvider
{
    public const string DefaultBaseUrl = "https://api.brevo.com";
    public ProviderKind Kind => ProviderKind.Brevo;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public async Task<SendResult> SendAsync(ProviderCredentials credentials, OutgoingSms sms, CancellationToken ct)
    {
        if (credentials is not { ApiKey.Length: > 0 })
            return SendResult.Permanent("Clé d'API Brevo absente (réglages du super-administrateur).");
        var baseUrl = (credentials.BaseUrl is { Length: > 0 } b ? b : DefaultBaseUrl).TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Post, baseUrl + "/v3/transactionalSMS/send")
        {
            Content = JsonContent.Create(new
            {
                sender = sms.Sender,
                recipient = sms.ToE164.TrimStart('+'),
                content = sms.Text,
                type = "transactional",
                webUrl = sms.StatusCallbackUrl,
                unicodeEnabled = !SmsText.Measure(sms.Text).IsGsm7,
                tag = sms.DeliveryId.ToString("N"),
            }, options: Json),
        };
        request.Headers.Add("api-key", credentials.ApiKey);
        request.Headers.Add("accept", "application/json");

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Unknown, null, "Pas de réponse de Brevo (délai dépassé) : le SMS est peut-être parti.");
        }
        catch (HttpRequestException)
        {
            return SendResult.Temporary("Brevo injoignable.");
        }
        using (response)
        {
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
                return SendResult.Temporary($"Brevo indisponible ({(int)response.StatusCode}).");
            if (!response.IsSuccessStatusCode)
                return SendResult.Permanent($"Refusé par Brevo ({(int)response.StatusCode}).");
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(ct);
            var id = answer.TryGetProperty("messageId", out var m) ? m.ToString() : answer.TryGetProperty("reference", out var r) ? r.ToString() : null;
            return SendResult.Sent(id);
        }
    }
}
