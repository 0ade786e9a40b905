using CentresConnectes.Platform.Infrastructure;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CentresConnectes.Platform.Application;

public sealed record SentMailView(string FileName, DateTime WrittenAtUtc, string To, string Subject, string? HtmlBody, string? TextBody);

/// <summary>Host only: the last messages of the embedded pickup folder, so a demo shows invitations and resets.</summary>
public sealed class SentMailService(IOptions<EmailSettings> settings, DataDirectory dataDirectory)
{
    public bool IsPickup => settings.Value.UsesPickup;

    public async Task<IReadOnlyList<SentMailView>> LastAsync(int count = 30, CancellationToken ct = default)
    {
        var folder = dataDirectory.Resolve(settings.Value.PickupDirectory);
        if (!Directory.Exists(folder))
            return [];
        var result = new List<SentMailView>();
        foreach (var file in new DirectoryInfo(folder).GetFiles("*.eml").OrderByDescending(f => f.Name).Take(count))
        {
            var message = await MimeMessage.LoadAsync(file.FullName, ct);
            result.Add(new SentMailView(file.Name, file.LastWriteTimeUtc, message.To.ToString(), message.Subject ?? "", message.HtmlBody, message.TextBody));
        }
        return result;
    }
}
