using AngleSharp.Dom;

namespace Bookish.Checks.Parity;

/// <summary>Images: the text inside SVG drawings (part of the figure), and images the page cannot show.</summary>
internal sealed partial class HtmlSide
{
    /// <summary>
    /// An image the page cannot show (its file is not in the output folder): the browser shows a broken image, the PDF
    /// its path in a box. Both say the same thing, so the path is a word of the page.
    /// </summary>
    private void BrokenImage(IElement img, Builder b)
    {
        if (_folder is null || img.GetAttribute("src") is not { Length: > 0 } src || src.Contains("://", StringComparison.Ordinal) || src.StartsWith("data:", StringComparison.Ordinal)) return;
        string path;
        try { path = Path.GetFullPath(Path.Combine(_folder, Uri.UnescapeDataString(src))); } catch (UriFormatException) { return; }
        if (Inside(path) && !File.Exists(path)) b.Text(" " + src + " ");
    }

    /// <summary>Only files in the output folder are read: a page's path cannot send the check elsewhere.</summary>
    private bool Inside(string path) => path.StartsWith(Path.GetFullPath(_folder!).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal);

    /// <summary>An SVG image's own text (labels of a diagram), read from the file the page shows: part of the figure.</summary>
    private void ImageText(IElement img, Builder b)
    {
        if (_folder is null || img.GetAttribute("src") is not { Length: > 0 } src || !src.EndsWith(".svg", StringComparison.OrdinalIgnoreCase) || src.Contains("://", StringComparison.Ordinal)) return;
        string path;
        try { path = Path.GetFullPath(Path.Combine(_folder, Uri.UnescapeDataString(src))); } catch (UriFormatException) { return; }
        if (!Inside(path) || !File.Exists(path)) return;
        FigureText(SvgText(File.ReadAllText(path)), b, img);
    }

    /// <summary>The words of a drawing, a unit of their own just before the figure's caption.</summary>
    private void FigureText(string text, Builder b, IElement at)
    {
        // Tick labels (numbers) are left out: axes may be drawn in another order; the words of labels and legends count.
        text = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)));
        if (text.Length == 0) return;
        b.Flush();
        var inner = NewBuilder(UnitKind.FigureText, b.Stream, "Figure", at);
        inner.Text(text);
        inner.Flush();
    }
}
