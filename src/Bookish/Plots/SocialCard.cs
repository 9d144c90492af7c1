using Bookish.Equations;
using Bookish.Model;
using SkiaSharp;

namespace Bookish.Plots;

/// <summary>
/// A 1200x630 social preview card (og:image): title, authors, and the document's first display equation drawn
/// from its TeX-rendered SVG.
/// </summary>
internal static class SocialCard
{
    public const int Width = 1200, Height = 630;

    public static byte[]? Draw(Publication publication, IReadOnlyList<MathFragment> fragments, IReadOnlyDictionary<string, RenderedMath> rendered, MathSettings settings) =>
        Draw(publication, fragments, rendered, settings, Width, Height);

    /// <summary>The same card at another size (the EPUB's cover is a portrait 1200x1800 one).</summary>
    public static byte[]? Draw(Publication publication, IReadOnlyList<MathFragment> fragments, IReadOnlyDictionary<string, RenderedMath> rendered, MathSettings settings, int width, int height)
    {
        var meta = publication.Metadata;
        var title = meta.Title.Length > 0 ? meta.Title : publication.Name;
        using var bitmap = new SKBitmap(width, height);
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(0xFF, 0xFF, 0xF8));
            using var band = new SKPaint { Color = new SKColor(0x0B, 0x57, 0xA4) };
            canvas.DrawRect(0, 0, 18, height, band);
            var face = PlotRenderer.Typeface();
            using var ink = new SKPaint { Color = new SKColor(0x1D, 0x1D, 0x1F), IsAntialias = true };
            using var muted = new SKPaint { Color = new SKColor(0x5A, 0x5A, 0x60), IsAntialias = true };
            using var titleFont = new SKFont(face, 58) { Embolden = true };
            using var smallFont = new SKFont(face, 30);

            var y = 110f;
            foreach (var line in Wrap(title, titleFont, width - 160).Take(3))
            {
                canvas.DrawText(line, 80, y, SKTextAlign.Left, titleFont, ink);
                y += 70;
            }
            if (meta.Authors.Length > 0)
            {
                canvas.DrawText(Presentation.AuthorList(meta.Authors.Select(a => a.Name).ToList()), 80, y + 10, SKTextAlign.Left, smallFont, muted);
                y += 40;
            }

            // The first display equation, scaled to fit the space left.
            var equation = fragments.FirstOrDefault(f => f.Mode == MathMode.Display && rendered.ContainsKey(f.Key(settings)));
            if (equation is not null && SvgRaster.Picture(rendered[equation.Key(settings)].Svg) is { } picture)
            {
                using (picture)
                {
                    var box = new SKRect(80, y + 40, width - 80, height - 60);
                    var bounds = picture.CullRect;
                    var scale = Math.Min(box.Width / bounds.Width, box.Height / bounds.Height);
                    scale = Math.Min(scale, 6f);
                    canvas.Save();
                    canvas.Translate(box.MidX - bounds.Width * scale / 2, box.MidY - bounds.Height * scale / 2);
                    canvas.Scale(scale);
                    canvas.Translate(-bounds.Left, -bounds.Top);
                    canvas.DrawPicture(picture);
                    canvas.Restore();
                }
            }
        }
        using var image = SKImage.FromBitmap(bitmap);
        return image.Encode(SKEncodedImageFormat.Png, 100).ToArray();
    }

    private static IEnumerable<string> Wrap(string text, SKFont font, float width)
    {
        var line = "";
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = line.Length == 0 ? word : line + " " + word;
            if (font.MeasureText(candidate) > width && line.Length > 0)
            {
                yield return line;
                line = word;
            }
            else line = candidate;
        }
        if (line.Length > 0) yield return line;
    }
}
