using CentresConnectes.Platform.Contracts;
using SkiaSharp;

namespace CentresConnectes.ReferenceData.Application;

/// <summary>A validated logo: the original bytes as uploaded, and the decoded picture.</summary>
public sealed record DecodedLogo(byte[] Bytes, string ContentType, int Width, int Height, SKBitmap Bitmap) : IDisposable
{
    public void Dispose() => Bitmap.Dispose();
}

public sealed record ResizedLogo(byte[] Bytes, string ContentType, int Width, int Height);

/// <summary>
/// Logo checks and resizing. The type is decided by the content (magic bytes, then a full decode by
/// Skia), never by the file name or the browser's content type: a text file renamed .png, an SVG
/// (scriptable) or a truncated image are refused before anything is written.
/// </summary>
public static class LogoImage
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const string TooLarge = "Le fichier est trop lourd : la taille maximale d'un logo est de 5 Mo.";
    /// <summary>Decoding cost guard (a small file can declare a huge picture).</summary>
    public const long MaxPixels = 40_000_000;
    public const int MaxSide = 12_000;
    public const int MinBound = 16;

    private static readonly byte[] PngMagic = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Reads at most <see cref="MaxBytes"/> + 1 bytes: a bigger upload is refused without buffering it all.</summary>
    public static async Task<byte[]> ReadLimitedAsync(Stream content, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
                throw new BusinessException(TooLarge);
        }
        return buffer.ToArray();
    }

    /// <summary>Which format the first bytes announce (null: not one we accept).</summary>
    public static string? Sniff(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length >= 8 && bytes[..8].SequenceEqual(PngMagic))
            return "image/png";
        if (bytes.Length >= 3 && bytes[0] == 0xFF && bytes[1] == 0xD8 && bytes[2] == 0xFF)
            return "image/jpeg";
        if (bytes.Length >= 12 && bytes[..4].SequenceEqual("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }

    public static DecodedLogo Decode(byte[] bytes)
    {
        if (bytes.Length == 0)
            throw new BusinessException("Le fichier est vide.");
        if (bytes.Length > MaxBytes)
            throw new BusinessException(TooLarge);
        var contentType = Sniff(bytes)
            ?? throw new BusinessException("Ce fichier n'est pas une image PNG, JPEG ou WebP : choisissez un logo dans l'un de ces formats.");

        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data)
            ?? throw new BusinessException("Cette image est illisible ou abîmée : enregistrez-la à nouveau en PNG, JPEG ou WebP.");
        var expected = contentType switch
        {
            "image/png" => SKEncodedImageFormat.Png,
            "image/jpeg" => SKEncodedImageFormat.Jpeg,
            _ => SKEncodedImageFormat.Webp,
        };
        if (codec.EncodedFormat != expected)
            throw new BusinessException("Ce fichier n'est pas une image PNG, JPEG ou WebP : choisissez un logo dans l'un de ces formats.");

        var width = codec.Info.Width;
        var height = codec.Info.Height;
        if (width <= 0 || height <= 0 || width > MaxSide || height > MaxSide || (long)width * height > MaxPixels)
            throw new BusinessException($"Cette image est trop grande ({width} × {height} pixels) : réduisez-la avant de l'envoyer.");

        var info = new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul);
        var bitmap = new SKBitmap(info);
        try
        {
            var result = codec.GetPixels(info, bitmap.GetPixels());
            // IncompleteInput = a truncated file: Skia fills the rest with blank pixels, we refuse it.
            if (result != SKCodecResult.Success)
                throw new BusinessException("Cette image est incomplète ou abîmée : enregistrez-la à nouveau et recommencez.");
            var oriented = ApplyOrigin(bitmap, codec.EncodedOrigin);
            if (!ReferenceEquals(oriented, bitmap))
                bitmap.Dispose();
            return new DecodedLogo(bytes, contentType, oriented.Width, oriented.Height, oriented);
        }
        catch
        {
            bitmap.Dispose();
            throw;
        }
    }

    public static void ValidateBounds(int maxWidth, int maxHeight)
    {
        if (maxWidth < MinBound || maxHeight < MinBound
            || maxWidth > Domain.StructureSettings.LogoDimensionLimit || maxHeight > Domain.StructureSettings.LogoDimensionLimit)
            throw new BusinessException($"Les dimensions du logo vont de {MinBound} à {Domain.StructureSettings.LogoDimensionLimit} pixels.");
    }

    /// <summary>The size that fits within the bounds, aspect ratio kept, never bigger than the original.</summary>
    public static (int Width, int Height) Fit(int width, int height, int maxWidth, int maxHeight)
    {
        var scale = Math.Min(1d, Math.Min((double)maxWidth / width, (double)maxHeight / height));
        return (Math.Clamp((int)Math.Round(width * scale), 1, maxWidth), Math.Clamp((int)Math.Round(height * scale), 1, maxHeight));
    }

    /// <summary>Resizes proportionally (never upscales) and encodes as PNG (lossless, keeps transparency).</summary>
    public static ResizedLogo Resize(SKBitmap source, int maxWidth, int maxHeight)
    {
        var (width, height) = Fit(source.Width, source.Height, maxWidth, maxHeight);
        var current = source;
        try
        {
            // Halve first, then one cubic pass: a single cubic step from a 3000 px logo to 300 px aliases.
            while (current.Width / 2 >= width && current.Height / 2 >= height && (current.Width > width || current.Height > height))
            {
                var half = current.Resize(new SKImageInfo(current.Width / 2, current.Height / 2, SKColorType.Rgba8888, SKAlphaType.Premul),
                    new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.None));
                if (!ReferenceEquals(current, source))
                    current.Dispose();
                current = half;
            }
            using var final = current.Width == width && current.Height == height
                ? current.Copy()
                : current.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell));
            using var image = SKImage.FromBitmap(final);
            using var encoded = image.Encode(SKEncodedImageFormat.Png, 100);
            return new ResizedLogo(encoded.ToArray(), "image/png", width, height);
        }
        finally
        {
            if (!ReferenceEquals(current, source))
                current.Dispose();
        }
    }

    /// <summary>Photos taken sideways carry an EXIF orientation: apply it so the logo is upright.</summary>
    private static SKBitmap ApplyOrigin(SKBitmap bitmap, SKEncodedOrigin origin)
    {
        if (origin == SKEncodedOrigin.TopLeft)
            return bitmap;
        var swap = origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom;
        var w = swap ? bitmap.Height : bitmap.Width;
        var h = swap ? bitmap.Width : bitmap.Height;
        var rotated = new SKBitmap(new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(rotated);
        canvas.Clear(SKColors.Transparent);
        canvas.SetMatrix(OriginMatrix(origin, bitmap.Width, bitmap.Height));
        canvas.DrawBitmap(bitmap, 0, 0);
        canvas.Flush();
        return rotated;
    }

    private static SKMatrix OriginMatrix(SKEncodedOrigin origin, int w, int h) => origin switch
    {
        SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
        SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
        SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
        SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
        SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
        _ => SKMatrix.Identity,
    };
}
