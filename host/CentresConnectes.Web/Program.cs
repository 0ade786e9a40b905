using CentresConnectes;
using CentresConnectes.Platform.Application;
using CentresConnectes.Platform.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

// A published local install (etc/scripts/publish.sh) keeps its wwwroot and data/ next to the
// executable, wherever it is started from; `dotnet run` keeps the project folder as content root.
var publishedRoot = Directory.Exists(Path.Combine(AppContext.BaseDirectory, "wwwroot")) ? AppContext.BaseDirectory : null;
var openBrowser = LocalBrowser.ShouldOpen(publishedRoot is not null, args);
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = [.. args.Where(a => !a.Equals(LocalBrowser.NoBrowserSwitch, StringComparison.OrdinalIgnoreCase))],
    ContentRootPath = publishedRoot,
});
builder.AddCentresConnectes(AppModules.All());

var app = builder.Build();
// Migrate (and create the database) BEFORE the pipeline: mapping the Hangfire dashboard builds
// Hangfire's PostgreSQL storage, which on a missing database retries for ~30 s and then silently
// skips creating its schema.
await app.InitializeAsync();
app.UseCentresConnectes();

// Tell whoever started the app where it is, and how to finish a first install.
app.Lifetime.ApplicationStarted.Register(() =>
{
    var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
    using var scope = app.Services.CreateScope();
    var setupRequired = scope.ServiceProvider.GetRequiredService<SetupService>().IsRequiredAsync().GetAwaiter().GetResult();
    var setupToken = app.Services.GetRequiredService<SetupToken>();
    foreach (var address in addresses)
    {
        Console.WriteLine($"Centres Connectés écoute sur {address}");
        // The link carries the one-time token: only who can read this console can install.
        if (setupRequired)
            Console.WriteLine($"Première utilisation : créez le compte super-administrateur sur {setupToken.Link(address)}");
    }
    if (openBrowser && addresses.FirstOrDefault() is { } first)
    {
        var local = first.Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost").Replace("://+", "://localhost").Replace("://*", "://localhost");
        LocalBrowser.Open(setupRequired ? setupToken.Link(local) : local, app.Logger);
    }
});

await app.RunAsync();

/// <summary>Entry point, visible to the integration tests' WebApplicationFactory.</summary>
public partial class Program;
