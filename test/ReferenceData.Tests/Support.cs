using System.Collections.Concurrent;
using System.Net.Http.Headers;
using CentresConnectes.Platform.Contracts;
using CentresConnectes.ReferenceData.Contracts;
using CentresConnectes.TestSupport;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace CentresConnectes.ReferenceData.Tests;

/// <summary>
/// Stands in for the modules that store reference values (Members…): the test says which ids are
/// "in use". Registered next to the real implementations, so ReferenceData asks it like any other.
/// </summary>
public sealed class FakeUsage : IReferenceValueUsage
{
    private readonly ConcurrentDictionary<Guid, bool> _used = new();

    public void MarkUsed(Guid id) => _used[id] = true;

    public Task<bool> IsUsedAsync(Guid referenceItemId, CancellationToken ct = default) => Task.FromResult(_used.ContainsKey(referenceItemId));
}

/// <summary>The application over a real database, with <see cref="FakeUsage"/> registered.</summary>
public class RefAppFactory(DatabaseProvider provider) : AppFactory(provider)
{
    public FakeUsage Usage { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IReferenceValueUsage>(Usage));
    }
}

/// <summary>One app for the tests of the collection (its host starts, and the first-run setup is done, before them).</summary>
public sealed class SqliteApp() : RefAppFactory(DatabaseProvider.Sqlite);

[CollectionDefinition(Name)]
public sealed class SqliteCollection : ICollectionFixture<SqliteApp>
{
    public const string Name = "ReferenceData on SQLite";
}

/// <summary>Pictures made with Skia for the logo tests: real files, not hand-written headers.</summary>
public static class TestImages
{
    public static byte[] Make(int width, int height, SKEncodedImageFormat format, bool noise = false)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul));
        if (noise)
        {
            // Random pixels do not compress: a real picture heavier than the limit.
            var random = new Random(42);
            var pixels = new byte[width * height * 4];
            random.NextBytes(pixels);
            for (var i = 3; i < pixels.Length; i += 4)
                pixels[i] = 255;
            System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        }
        else
        {
            using var canvas = new SKCanvas(bitmap);
            canvas.Clear(SKColors.White);
            using var paint = new SKPaint { Color = SKColors.SteelBlue, IsAntialias = true };
            canvas.DrawCircle(width / 2f, height / 2f, Math.Min(width, height) / 3f, paint);
        }
        using var image = SKImage.FromBitmap(bitmap);
        using var data = image.Encode(format, 90);
        return data.ToArray();
    }

    public static (int Width, int Height) SizeOf(byte[] bytes)
    {
        using var codec = SKCodec.Create(SKData.CreateCopy(bytes)) ?? throw new InvalidOperationException("Not an image");
        return (codec.Info.Width, codec.Info.Height);
    }
}

/// <summary>The logo API: a PUT with the file, no page behind it (so no antiforgery token).</summary>
public static class HttpExtensions
{
    public static async Task<HttpResponseMessage> PutLogoAsync(this TestClient client, byte[] file, string fileName, string contentType, int? maxWidth = null, int? maxHeight = null)
    {
        using var content = new MultipartFormDataContent();
        if (maxWidth is { } w) content.Add(new StringContent(w.ToString()), "maxWidth");
        if (maxHeight is { } h) content.Add(new StringContent(h.ToString()), "maxHeight");
        var fileContent = new ByteArrayContent(file);
        fileContent.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        content.Add(fileContent, "file", fileName);
        return await client.Http.PutAsync("/api/settings/logo", content);
    }
}
