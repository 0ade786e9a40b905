using SkiaSharp;

namespace CentresConnectes.Platform.Documents;

/// <summary>
/// DejaVu Sans (regular and bold), embedded in the assembly: every French glyph (é, œ, « », ’) on any
/// server, including the single-file local install with no fonts at all. Licence: Fonts/LICENSE-DejaVu.txt
/// (Bitstream Vera licence, redistribution allowed).
/// </summary>
internal static class PdfFonts
{
    private static readonly Lazy<SKTypeface> RegularFace = new(() => Load("DejaVuSans.ttf"));
    private static readonly Lazy<SKTypeface> BoldFace = new(() => Load("DejaVuSans-Bold.ttf"));

    public static SKTypeface Regular => RegularFace.Value;
    public static SKTypeface Bold => BoldFace.Value;

    private static SKTypeface Load(string file)
    {
        var name = $"CentresConnectes.Platform.Documents.Fonts.{file}";
        using var stream = typeof(PdfFonts).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded font {name} is missing.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException($"Embedded font {name} cannot be read.");
    }
}
