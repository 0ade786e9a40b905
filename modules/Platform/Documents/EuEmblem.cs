using SkiaSharp;

namespace CentresConnectes.Platform.Documents;

/// <summary>The European Union emblem drawn as vectors (same geometry as the page's _EuEmblem.cshtml): no image file to ship.</summary>
internal static class EuEmblem
{
    private static readonly SKColor Blue = new(0x00, 0x33, 0x99);
    private static readonly SKColor Gold = new(0xFF, 0xCC, 0x00);

    public static void Draw(SKCanvas canvas, SKRect rect)
    {
        using var blue = new SKPaint { Color = Blue, Style = SKPaintStyle.Fill, IsAntialias = true };
        using var gold = new SKPaint { Color = Gold, Style = SKPaintStyle.Fill, IsAntialias = true };
        canvas.DrawRect(rect, blue);
        // Flag 3:2; stars on a circle of radius 1/3 of the height, each star 1/9 of the height wide.
        var unit = rect.Height / 540f;
        for (var i = 0; i < 12; i++)
        {
            var angle = i * Math.PI / 6;
            var cx = rect.Left + (float)(405 + 180 * Math.Sin(angle)) * unit;
            var cy = rect.Top + (float)(270 - 180 * Math.Cos(angle)) * unit;
            using var star = Star(cx, cy, 30f * unit);
            canvas.DrawPath(star, gold);
        }
    }

    private static SKPath Star(float cx, float cy, float radius)
    {
        var path = new SKPath();
        for (var k = 0; k < 10; k++)
        {
            var r = k % 2 == 0 ? radius : radius * 0.382f;
            var a = -Math.PI / 2 + k * Math.PI / 5;
            var x = cx + (float)(r * Math.Cos(a));
            var y = cy + (float)(r * Math.Sin(a));
            if (k == 0)
                path.MoveTo(x, y);
            else
                path.LineTo(x, y);
        }
        path.Close();
        return path;
    }
}
