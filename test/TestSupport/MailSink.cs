using System.Collections.Concurrent;
using MimeKit;

namespace CentresConnectes.TestSupport;

/// <summary>Reads what the SMTP sink on loopback received (one .eml file per message).</summary>
public static class MailSink
{
    /// <summary>
    /// Messages already read, by file: the sink writes each message to a temporary file and renames
    /// it to *.eml when complete, so an .eml file never changes and is parsed once, not at every poll.
    /// </summary>
    private static readonly ConcurrentDictionary<string, MimeMessage> Parsed = new(StringComparer.Ordinal);

    /// <summary>Waits for a message to <paramref name="recipient"/> and returns the newest one.</summary>
    public static async Task<MimeMessage> WaitForAsync(string recipient, TimeSpan? timeout = null, Func<MimeMessage, bool>? predicate = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = await ForRecipientAsync(recipient);
            var match = found.LastOrDefault(m => predicate?.Invoke(m) ?? true);
            if (match is not null)
                return match;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"No e-mail to {recipient} reached the SMTP sink.");
            await Task.Delay(100);
        }
    }

    public static async Task<IReadOnlyList<MimeMessage>> ForRecipientAsync(string recipient)
    {
        var folder = TestEnvironment.SmtpMaildir;
        var result = new List<MimeMessage>();
        if (!Directory.Exists(folder))
            return result;
        foreach (var file in Directory.GetFiles(folder, "*.eml").Order(StringComparer.Ordinal))
        {
            if (!Parsed.TryGetValue(file, out var message))
                message = Parsed.GetOrAdd(file, await MimeMessage.LoadAsync(file));
            if (message.To.Mailboxes.Any(m => string.Equals(m.Address, recipient, StringComparison.OrdinalIgnoreCase)))
                result.Add(message);
        }
        return result;
    }

    /// <summary>The first http(s) link of the text body that contains <paramref name="pathPart"/>.</summary>
    public static string LinkIn(MimeMessage message, string pathPart)
    {
        var text = message.TextBody ?? "";
        return text.Split(['\n', ' ', '\r'], StringSplitOptions.RemoveEmptyEntries)
            .First(w => w.StartsWith("http", StringComparison.Ordinal) && w.Contains(pathPart, StringComparison.Ordinal));
    }
}
