using System.Text.RegularExpressions;
using SkiaSharp;
using Svg.Skia;

namespace Bookish.Plots;

/// <summary>SVG to PNG and to PDF with Svg.Skia: equation raster fallbacks, social cards, SVG images for the PDF.</summary>
internal static partial class SvgRaster
{
    [GeneratedRegex(@"var\(--[a-zA-Z0-9-]+,\s*(#[0-9a-fA-F]{3,8})\s*\)")] private static partial Regex CssVariable();

    /// <summary>What a renderer without the page's CSS sees: variables take their fallbacks, currentColor a colour.</summary>
    public static string Standalone(string svg, string ink = "#000000") =>
        CssVariable().Replace(svg, m => m.Groups[1].Value).Replace("currentColor", ink);

    /// <summary>The SVG as a picture; null when it cannot be read (malformed markup from a document or a damaged cache).</summary>
    public static SKPicture? Picture(string svg)
    {
        try
        {
            var doc = new SKSvg();
            // SkiaSharp's portable build finds no fonts by itself: without this, SVG text silently vanishes.
            doc.Settings.TypefaceProviders?.Insert(0, new SystemFontProvider());
            return doc.FromSvg(Standalone(svg));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Svg.Skia throws XmlException, FormatException and others on bad input; untrusted SVG is never a crash.
            return null;
        }
    }

    [GeneratedRegex(@"viewBox=""\s*([-0-9.]+)[\s,]+([-0-9.]+)[\s,]+([0-9.]+)[\s,]+([0-9.]+)\s*""")] private static partial Regex ViewBox();

    /// <summary>
    /// Renders <paramref name="scale"/> pixels per SVG user unit (viewBox unit when there is a viewBox): the PNG has the
    /// viewBox's aspect ratio up to whole-pixel rounding.
    /// </summary>
    public static byte[]? Png(string svg, float scale, SKColor? background = null)
    {
        using var picture = Picture(svg);
        if (picture is null) return null;
        var bounds = picture.CullRect;
        var (w, h) = ViewBox().Match(svg) is { Success: true } vb
            ? (float.Parse(vb.Groups[3].Value, System.Globalization.CultureInfo.InvariantCulture), float.Parse(vb.Groups[4].Value, System.Globalization.CultureInfo.InvariantCulture))
            : (bounds.Width, bounds.Height);
        var width = Math.Max(1, (int)Math.Round(w * scale));
        var height = Math.Max(1, (int)Math.Round(h * scale));
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(background ?? SKColors.Transparent);
            canvas.Scale(width / bounds.Width, height / bounds.Height);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    /// <summary>Converts an SVG image into a one-page PDF of the same size, for \includegraphics.</summary>
    public static byte[]? Pdf(string svg)
    {
        using var picture = Picture(svg);
        if (picture is null) return null;
        var bounds = picture.CullRect;
        using var stream = new MemoryStream();
        using (var document = SKDocument.CreatePdf(stream))
        {
            var canvas = document.BeginPage(bounds.Width, bounds.Height);
            canvas.Translate(-bounds.Left, -bounds.Top);
            canvas.DrawPicture(picture);
            document.EndPage();
            document.Close();
        }
        return stream.ToArray();
    }
}
