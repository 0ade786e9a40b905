using CentresConnectes.Platform.Contracts;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CentresConnectes.Platform.Infrastructure;

public sealed class EmailSettings
{
    /// <summary>"Pickup" (default: .eml files in a folder, for a local install and demos) or "Smtp".</summary>
    public string Mode { get; set; } = "Pickup";
    public string From { get; set; } = "Centres Connectés <ne-pas-repondre@centres-connectes.local>";
    /// <summary>Pickup folder; relative paths are under the data directory.</summary>
    public string PickupDirectory { get; set; } = "mail";
    public SmtpSettings Smtp { get; set; } = new();

    public bool UsesPickup => string.Equals(Mode, "Pickup", StringComparison.OrdinalIgnoreCase);
}

public sealed class SmtpSettings
{
    public string Host { get; set; } = "localhost";
    public int Port { get; set; } = 25;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto.</summary>
    public string Security { get; set; } = "Auto";
}

internal static class MimeMessages
{
    public static MimeMessage Build(EmailSettings settings, EmailMessage message)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(settings.From));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        mime.Body = new BodyBuilder { HtmlBody = message.HtmlBody, TextBody = message.TextBody }.ToMessageBody();
        return mime;
    }
}

/// <summary>Writes each message as an .eml file; the super-admin reads them in "Courriels envoyés".</summary>
internal sealed class PickupFolderEmailSender(IOptions<EmailSettings> settings, DataDirectory dataDirectory, TimeProvider clock) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var folder = dataDirectory.Resolve(settings.Value.PickupDirectory);
        Directory.CreateDirectory(folder);
        var mime = MimeMessages.Build(settings.Value, message);
        var name = $"{clock.GetUtcNow():yyyyMMddHHmmssfff}-{Guid.NewGuid():N}.eml";
        var temp = Path.Combine(folder, name + ".tmp");
        await mime.WriteToAsync(temp, ct);
        File.Move(temp, Path.Combine(folder, name));
    }
}

internal sealed class SmtpEmailSender(IOptions<EmailSettings> settings) : IEmailSender
{
    public async Task SendAsync(EmailMessage message, CancellationToken ct = default)
    {
        var s = settings.Value;
        var mime = MimeMessages.Build(s, message);
        using var client = new SmtpClient();
        var security = Enum.TryParse<SecureSocketOptions>(s.Smtp.Security, ignoreCase: true, out var parsed) ? parsed : SecureSocketOptions.Auto;
        await client.ConnectAsync(s.Smtp.Host, s.Smtp.Port, security, ct);
        if (!string.IsNullOrEmpty(s.Smtp.UserName))
            await client.AuthenticateAsync(s.Smtp.UserName, s.Smtp.Password ?? "", ct);
        await client.SendAsync(mime, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
