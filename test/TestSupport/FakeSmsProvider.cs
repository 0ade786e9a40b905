using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CentresConnectes.TestSupport;

/// <summary>
/// An SMS provider for tests and benchmarks, served over real HTTP on loopback: OVHcloud's
/// /1.0/auth/time and /1.0/sms/{service}/jobs (signature checked) and Brevo's
/// /v3/transactionalSMS/send (api-key checked). It answers as <see cref="Mode"/> says (200, 4xx,
/// 503, slow, time-out), records everything it accepted (so tests count duplicates), and can call
/// the application's webhooks like the real providers do.
/// </summary>
public sealed class FakeSmsProvider : IAsyncDisposable
{
    public enum Behaviour { Ok, ClientError, Unavailable, Slow, Timeout }

    public const string OvhApplicationKey = "fake-ak";
    public const string OvhApplicationSecret = "fake-as";
    public const string OvhConsumerKey = "fake-ck";
    public const string OvhService = "sms-fake-1";
    public const string BrevoApiKey = "fake-brevo-key";

    private readonly WebApplication _app;
    private long _nextId = 1000;
    private long _calls;

    private FakeSmsProvider(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    /// <summary>OVHcloud's API root as the app is configured with it.</summary>
    public string OvhBaseUrl => BaseUrl + "/1.0";
    public Behaviour Mode { get; set; } = Behaviour.Ok;
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromMilliseconds(300);
    /// <summary>Numbers (E.164) OVHcloud lists in invalidReceivers.</summary>
    public ConcurrentDictionary<string, bool> InvalidNumbers { get; } = new();
    public ConcurrentQueue<FakeSms> Received { get; } = new();
    /// <summary>Every send request, answered or not (503s included).</summary>
    public long Calls => Interlocked.Read(ref _calls);
    public long BadSignatures;

    public IReadOnlyList<FakeSms> To(string e164) => Received.Where(r => r.To == e164).ToList();

    public static async Task<FakeSmsProvider> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeSmsProvider(app);
        fake.Map(app);
        await app.StartAsync();
        fake.BaseUrl = app.Urls.First().TrimEnd('/');
        return fake;
    }

    private void Map(WebApplication app)
    {
        app.MapGet("/1.0/auth/time", () => Results.Text(DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        app.MapPost("/1.0/sms/{service}/jobs", async (string service, HttpRequest request) =>
        {
            Interlocked.Increment(ref _calls);
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (await BehaveAsync() is { } refusal)
                return refusal;
            var url = $"{BaseUrl}{request.Path}{request.QueryString}";
            var expected = "$1$" + Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(
                string.Join('+', OvhApplicationSecret, OvhConsumerKey, "POST", url, body, request.Headers["X-Ovh-Timestamp"].ToString()))));
            if (request.Headers["X-Ovh-Application"] != OvhApplicationKey || request.Headers["X-Ovh-Signature"] != expected || service != OvhService)
            {
                Interlocked.Increment(ref BadSignatures);
                return Results.Json(new { message = "Invalid signature" }, statusCode: 403);
            }
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var receivers = root.GetProperty("receivers").EnumerateArray().Select(r => r.GetString()!).ToList();
            var valid = receivers.Where(r => !InvalidNumbers.ContainsKey(r)).ToList();
            var ids = new List<long>();
            foreach (var to in valid)
            {
                var id = Interlocked.Increment(ref _nextId);
                ids.Add(id);
                Received.Enqueue(new FakeSms("ovh", id.ToString(System.Globalization.CultureInfo.InvariantCulture), to, root.GetProperty("message").GetString()!,
                    root.GetProperty("sender").GetString(), root.TryGetProperty("callBack", out var cb) ? cb.GetString() : null));
            }
            return Results.Json(new { ids, validReceivers = valid, invalidReceivers = receivers.Except(valid).ToList(), totalCreditsRemoved = valid.Count });
        });
        app.MapPost("/v3/transactionalSMS/send", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref _calls);
            var body = await new StreamReader(request.Body).ReadToEndAsync();
            if (await BehaveAsync() is { } refusal)
                return refusal;
            if (request.Headers["api-key"] != BrevoApiKey)
                return Results.Json(new { code = "unauthorized", message = "Key not found" }, statusCode: 401);
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            var id = Interlocked.Increment(ref _nextId);
            Received.Enqueue(new FakeSms("brevo", id.ToString(System.Globalization.CultureInfo.InvariantCulture), "+" + root.GetProperty("recipient").GetString(),
                root.GetProperty("content").GetString()!, root.GetProperty("sender").GetString(), root.TryGetProperty("webUrl", out var w) ? w.GetString() : null));
            return Results.Json(new { reference = "ref-" + id, messageId = id, smsCount = 1 }, statusCode: 201);
        });
    }

    private async Task<IResult?> BehaveAsync()
    {
        switch (Mode)
        {
            case Behaviour.Unavailable:
                return Results.StatusCode(503);
            case Behaviour.ClientError:
                return Results.Json(new { message = "Bad request" }, statusCode: 400);
            case Behaviour.Slow:
                await Task.Delay(SlowDelay);
                return null;
            case Behaviour.Timeout:
                await Task.Delay(TimeSpan.FromSeconds(60));
                return null;
            default:
                return null;
        }
    }

    /// <summary>Calls the callback URL the app gave for a message, through the app's client (a delivery receipt, as OVHcloud or Brevo would).</summary>
    public static async Task<HttpResponseMessage> SendReceiptAsync(HttpClient app, FakeSms sms, bool delivered)
    {
        var path = new Uri(sms.CallbackUrl ?? throw new InvalidOperationException("No callback URL was given")).PathAndQuery;
        if (sms.Provider == "ovh")
            return await app.GetAsync($"{path}?id={sms.Id}&dlr={(delivered ? 1 : 2)}&receiver={WebUtility.UrlEncode(sms.To)}");
        return await app.PostAsync(path, new StringContent(JsonSerializer.Serialize(new { messageId = sms.Id, @event = delivered ? "delivered" : "hardBounce" }),
            Encoding.UTF8, "application/json"));
    }

    /// <summary>A member's reply (STOP, FAIT) forwarded to the structure's webhook.</summary>
    public static Task<HttpResponseMessage> SendReplyAsync(HttpClient app, string webhookBasePath, string from, string text) =>
        app.PostAsync(webhookBasePath + "/brevo", new StringContent(JsonSerializer.Serialize(new { @event = "reply", from = from.TrimStart('+'), text }),
            Encoding.UTF8, "application/json"));

    public void Reset()
    {
        Mode = Behaviour.Ok;
        InvalidNumbers.Clear();
        Received.Clear();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record FakeSms(string Provider, string Id, string To, string Text, string? Sender, string? CallbackUrl);
