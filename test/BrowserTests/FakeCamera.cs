using QRCoder;

namespace CentresConnectes.BrowserTests;

/// <summary>
/// A video file for Chromium's fake camera (--use-file-for-fake-video-capture): a Y4M stream whose frames
/// show a QR code, as a family holds its card in front of the tablet.
/// </summary>
public static class FakeCamera
{
    public const int Width = 640;
    public const int Height = 480;

    public static void WriteQrVideo(string path, string text, int frames = 10)
    {
        using var generator = new QRCodeGenerator();
        using var qr = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = qr.ModuleMatrix;
        var scale = (Height - 80) / matrix.Count;
        var left = (Width - matrix.Count * scale) / 2;
        var top = (Height - matrix.Count * scale) / 2;
        var luma = new byte[Width * Height];
        Array.Fill(luma, (byte)235);
        for (var y = 0; y < matrix.Count; y++)
            for (var x = 0; x < matrix.Count; x++)
                if (matrix[y][x])
                    for (var dy = 0; dy < scale; dy++)
                        Array.Fill(luma, (byte)16, (top + y * scale + dy) * Width + left + x * scale, scale);
        var chroma = new byte[Width / 2 * (Height / 2)];
        Array.Fill(chroma, (byte)128);

        using var file = File.Create(path);
        var header = System.Text.Encoding.ASCII.GetBytes($"YUV4MPEG2 W{Width} H{Height} F10:1 Ip A1:1 C420jpeg\n");
        file.Write(header);
        var frameHeader = System.Text.Encoding.ASCII.GetBytes("FRAME\n");
        for (var i = 0; i < frames; i++)
        {
            file.Write(frameHeader);
            file.Write(luma);
            file.Write(chroma);
            file.Write(chroma);
        }
    }
}
