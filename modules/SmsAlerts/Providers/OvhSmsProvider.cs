using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CentresConnectes.SmsAlerts.Domain;

namespace CentresConnectes.SmsAlerts.Providers;

/// <summary>
/// OVHcloud SMS (the phase-1 prototype's): POST /sms/{serviceName}/jobs, signed with
/// "$1$" + SHA-1(secret+consumer+method+full URL+body+timestamp), the timestamp read from
/// GET /auth/time so a drifting server clock does not break the signature. All of OVHcloud's quirks live here.
/// </summary>
internal sealed class OvhSmsProvider(HttpClient http) : ISmsProvider
{
    public const string DefaultBaseUrl = "https://eu.api.ovh.com/1.0";
    public ProviderKind Kind => ProviderKind.Ovh;

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public async Task<SendResult> SendAsync(ProviderCredentials credentials, OutgoingSms sms, CancellationToken ct)
    {
        if (credentials is not { ApplicationKey.Length: > 0, ApplicationSecret.Length: > 0, ConsumerKey.Length: > 0, ServiceName.Length: > 0 })
            return SendResult.Permanent("Identifiants OVHcloud incomplets (réglages du super-administrateur).");
        var baseUrl = (credentials.BaseUrl is { Length: > 0 } b ? b : DefaultBaseUrl).TrimEnd('/');

        long timestamp;
        try
        {
            timestamp = long.Parse((await http.GetStringAsync(baseUrl + "/auth/time", ct)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException && !ct.IsCancellationRequested)
        {
            return SendResult.Temporary("OVHcloud injoignable (heure du serveur).");
        }

        var url = $"{baseUrl}/sms/{Uri.EscapeDataString(credentials.ServiceName)}/jobs";
        var body = JsonSerializer.Serialize(new OvhJob
        {
            Receivers = [sms.ToE164],
            Message = sms.Text,
            Sender = sms.Sender,
            // The campaign text already carries the structure's own STOP mention.
            NoStopClause = true,
            Priority = "high",
            Coding = SmsText.Measure(sms.Text).IsGsm7 ? "7bit" : "8bit",
            CallBack = sms.StatusCallbackUrl,
            Tag = sms.DeliveryId.ToString("N"),
        }, Json);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Ovh-Application", credentials.ApplicationKey);
        request.Headers.Add("X-Ovh-Consumer", credentials.ConsumerKey);
        request.Headers.Add("X-Ovh-Timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("X-Ovh-Signature", Signature(credentials.ApplicationSecret, credentials.ConsumerKey, "POST", url, body, timestamp));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is TaskCanceledException or Polly.Timeout.TimeoutRejectedException && !ct.IsCancellationRequested)
        {
            return new SendResult(SendOutcome.Unknown, null, "Pas de réponse d'OVHcloud (délai dépassé) : le SMS est peut-être parti.");
        }
        catch (HttpRequestException)
        {
            return SendResult.Temporary("OVHcloud injoignable.");
        }
        using (response)
        {
            if (response.StatusCode is HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout
                or HttpStatusCode.InternalServerError)
                return SendResult.Temporary($"OVHcloud indisponible ({(int)response.StatusCode}).");
            if (!response.IsSuccessStatusCode)
                return SendResult.Permanent($"Refusé par OVHcloud ({(int)response.StatusCode}) : {await ShortBodyAsync(response, ct)}");
            var answer = await response.Content.ReadFromJsonAsync<OvhJobAnswer>(Json, ct);
            if (answer?.InvalidReceivers?.Contains(sms.ToE164) == true)
                return SendResult.Permanent("Numéro refusé par OVHcloud (invalidReceivers).");
            return SendResult.Sent(answer?.Ids?.FirstOrDefault().ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    /// <summary>"$1$" + hex SHA-1 of "secret+consumer+METHOD+full URL+body+timestamp".</summary>
    public static string Signature(string secret, string consumer, string method, string url, string body, long timestamp)
    {
        var text = string.Join('+', secret, consumer, method, url, body, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return "$1$" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(text)));
    }

    private static async Task<string> ShortBodyAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        return text.Length > 120 ? text[..120] : text;
    }

    private sealed class OvhJob
    {
        public List<string> Receivers { get; init; } = [];
        public string Message { get; init; } = "";
        public string Sender { get; init; } = "";
        public bool NoStopClause { get; init; }
        public string Priority { get; init; } = "high";
        public string Coding { get; init; } = "7bit";
        [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
        public string? CallBack { get; init; }
        public string? Tag { get; init; }
    }

    private sealed class OvhJobAnswer
    {
        public List<long>? Ids { get; init; }
        public List<string>? InvalidReceivers { get; init; }
        public List<string>? ValidReceivers { get; init; }
    }
}
