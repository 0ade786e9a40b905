using QRCoder;
using SkiaSharp;

namespace CentresConnectes.Ludotheque.Application;

/// <summary>
/// The printed family card: credit-card size (85.6 × 54 mm), structure name (and logo when given),
/// family name, the QR code drawn as vector squares (sharp at any printer resolution) and the FEDER notice.
/// </summary>
public static class FamilyCardPdf
{
    private const float MmToPt = 72f / 25.4f;
    public const float Width = 85.6f * MmToPt;
    public const float Height = 54f * MmToPt;

    public static byte[] Render(string structureName, string familyName, string token, byte[]? logoPng = null)
    {
        using var generator = new QRCodeGenerator();
        using var qr = generator.CreateQrCode(token, QRCodeGenerator.ECCLevel.M);
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream, new SKDocumentPdfMetadata { Title = "Carte famille – " + familyName, Creator = "Centres Connectés" }))
        {
            var canvas = document.BeginPage(Width, Height);
            canvas.Clear(SKColors.White);
            using var typeface = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? SKTypeface.Default;
            using var regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
            using var ink = new SKPaint { Color = SKColors.Black, IsAntialias = true };
            using var accent = new SKPaint { Color = new SKColor(0x0d, 0x6e, 0xfd), IsAntialias = true };

            // Left: the QR code, with its quiet zone.
            var matrix = qr.ModuleMatrix;
            var qrSize = Height - 16f;
            var module = qrSize / matrix.Count;
            for (var y = 0; y < matrix.Count; y++)
                for (var x = 0; x < matrix.Count; x++)
                    if (matrix[y][x])
                        canvas.DrawRect(8f + x * module, 8f + y * module, module, module, ink);

            // Right: who the card is for.
            var left = 8f + qrSize + 6f;
            var textWidth = Width - left - 6f;
            var top = 14f;
            if (logoPng is not null && SKImage.FromEncodedData(logoPng) is { } logo)
            {
                using (logo)
                {
                    var h = 22f;
                    var w = Math.Min(textWidth, logo.Width * h / logo.Height);
                    canvas.DrawImage(logo, SKRect.Create(left, 8f, w, h));
                }
                top = 40f;
            }
            using var small = new SKFont(regular, 6.5f);
            using var title = new SKFont(typeface, 11f);
            using var tiny = new SKFont(regular, 4.2f);
            DrawWrapped(canvas, structureName, left, top, textWidth, small, accent, 2);
            canvas.DrawText("Carte famille", left, top + 22f, SKTextAlign.Left, small, ink);
            DrawWrapped(canvas, "Famille " + familyName, left, top + 38f, textWidth, title, ink, 3);
            DrawWrapped(canvas, "Présentez cette carte à la caméra de la borne de la ludothèque.", left, Height - 30f, textWidth, tiny, ink, 2);
            DrawWrapped(canvas, "Cofinancé par l'Union Européenne avec le FEDER.", left, Height - 12f, textWidth, tiny, ink, 1);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }

    private static void DrawWrapped(SKCanvas canvas, string text, float x, float y, float width, SKFont font, SKPaint paint, int maxLines)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var line = "";
        var lines = 0;
        foreach (var word in words)
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) <= width || line.Length == 0)
            {
                line = candidate;
                continue;
            }
            canvas.DrawText(line, x, y, SKTextAlign.Left, font, paint);
            y += font.Size * 1.25f;
            line = word;
            if (++lines == maxLines - 1)
                break;
        }
        if (line.Length > 0)
            canvas.DrawText(line, x, y, SKTextAlign.Left, font, paint);
    }
}
