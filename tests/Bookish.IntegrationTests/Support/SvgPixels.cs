using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;
using Svg.Skia;

namespace Bookish.IntegrationTests.Support;

/// <summary>Rasterises equation SVGs (4 pixels per point, black ink) and compares two of them pixel by pixel.</summary>
internal static partial class SvgPixels
{
    [GeneratedRegex(@"viewBox=""([^""]+)""")] private static partial Regex ViewBoxAttribute();

    public static double[] ViewBox(string svg) =>
        ViewBoxAttribute().Match(svg).Groups[1].Value.Split(' ').Select(p => double.Parse(p, CultureInfo.InvariantCulture)).ToArray();

    public static SKBitmap Raster(string svg, float scale = 4)
    {
        var box = ViewBox(svg);
        using var doc = new SKSvg();
        var picture = doc.FromSvg(svg.Replace("currentColor", "#000000"))!;
        var bitmap = new SKBitmap((int)Math.Ceiling(box[2] * scale), (int)Math.Ceiling(box[3] * scale));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.Transparent);
        canvas.Scale(scale);
        canvas.Translate((float)-box[0], (float)-box[1]);
        canvas.DrawPicture(picture);
        return bitmap;
    }

    /// <summary>Ink pixels (either image more than half covered) and pixels whose coverage differs by more than half.</summary>
    public static (int Ink, int Differ) Compare(string svgA, string svgB)
    {
        using var a = Raster(svgA);
        using var b = Raster(svgB);
        int ink = 0, differ = 0;
        for (var y = 0; y < Math.Max(a.Height, b.Height); y++)
            for (var x = 0; x < Math.Max(a.Width, b.Width); x++)
            {
                int ga = x < a.Width && y < a.Height ? a.GetPixel(x, y).Alpha : 0;
                int gb = x < b.Width && y < b.Height ? b.GetPixel(x, y).Alpha : 0;
                if (ga > 127 || gb > 127) ink++;
                if (Math.Abs(ga - gb) > 128) differ++;
            }
        return (ink, differ);
    }
}
