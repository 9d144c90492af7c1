using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Bookish.Checks.Parity;

/// <summary>
/// What the PDF prints, in reading order: words of the body and of the footnotes (split from the body by size and
/// place), without page numbers and running heads, with math-font glyphs left out and words split at a line-end
/// hyphen joined again; link annotations, named destinations and bookmarks beside.
/// </summary>
internal sealed partial class PdfSide
{
    public List<PdfWord> Body { get; } = [];
    public List<PdfWord> Notes { get; } = [];
    public List<string> NoteNumbers { get; } = [];
    public List<(string Uri, int Page)> Links { get; } = [];
    public List<PdfDestination> Destinations { get; } = [];
    public List<PdfHeading> Headings { get; } = [];
    public int Pages { get; private set; }
    public double BodySize { get; private set; }
    /// <summary>The right edge of the text block (the most common x where lines end), where equation numbers are set flush.</summary>
    public double RightMargin { get; private set; }

    private static readonly string[] MathFonts =
        ["Math", "MSBM", "MSAM", "CMMI", "CMSY", "CMEX", "CMBSY", "EUFM", "EUSM", "EURM", "RSFS", "STMARY", "WASY", "Symbol"];

    /// <summary>Reads the PDF; pages are read in parallel, each worker with its own document (PdfPig documents are not thread-safe).</summary>
    /// <param name="book">A book: the contents list (the whole book's, which no page shows) is left out.</param>
    public static PdfSide Read(byte[] bytes, bool book = false)
    {
        using var pdf = PdfDocument.Open(bytes);
        var side = new PdfSide { Pages = pdf.NumberOfPages };
        var count = pdf.NumberOfPages;
        var perPage = new (List<PdfWord> Words, List<string> Links)[count];
        var workers = Math.Clamp(Math.Min(Environment.ProcessorCount, count / 3), 1, 4);
        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, w =>
        {
            var doc = w == 0 ? pdf : PdfDocument.Open(bytes);
            try
            {
                for (var n = 1 + w * count / workers; n <= (w + 1) * count / workers; n++)
                {
                    var page = doc.GetPage(n);
                    perPage[n - 1] = (Words(page), page.GetHyperlinks().Select(l => l.Uri).OfType<string>().Where(u => u.Length > 0).ToList());
                }
            }
            finally
            {
                if (w != 0) doc.Dispose();
            }
        });
        var pages = new List<List<PdfWord>>();
        for (var n = 0; n < count; n++)
        {
            pages.Add(perPage[n].Words);
            foreach (var uri in perPage[n].Links)
                if (side.Links.Count == 0 || side.Links[^1].Uri != uri || side.Links[^1].Page != n + 1)
                    side.Links.Add((uri, n + 1));
        }
        side.BodySize = BodyFontSize(pages);
        RemoveFurniture(pages, side.BodySize);
        foreach (var words in pages) side.SplitNotes(words);
        JoinHyphens(side.Body);
        JoinHyphens(side.Notes);
        side.RightMargin = side.LineEnds().Select(w => Math.Round(w.X1)).GroupBy(x => x).MaxBy(g => g.Count())?.Key ?? 0;
        if (book) side.DropContents();
        NumberLines(side.Body, side.Notes);
        side.ReadDestinations(pdf);
        side.ReadBookmarks(pdf);
        return side;
    }

    private static bool IsMathFont(string? name)
    {
        if (name is null) return false;
        foreach (var m in MathFonts) if (name.Contains(m, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>Groups the letters of a page into words by gaps and baselines, in content-stream (reading) order.</summary>
    private static List<PdfWord> Words(Page page)
    {
        var words = new List<PdfWord>();
        var text = new StringBuilder();
        var math = new StringBuilder();
        double x0 = 0, x1 = 0, y = 0, size = 0;
        PdfWord? last = null;
        void End()
        {
            if (text.Length == 0) return;
            var cleaned = WordNormalizer.Clean(text.ToString());
            text.Clear();
            foreach (var part in cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var newLine = last is null || last.Page != page.Number || (y < last.Y - 0.5 * Math.Max(size, last.Size) && x0 < last.X1);
                var w = new PdfWord(part, WordNormalizer.Key(part), page.Number, x0, x1, y, size) { NewLine = newLine, MathBefore = math.ToString() };
                math.Clear();
                words.Add(w);
                last = w;
            }
        }
        Letter? prev = null;
        foreach (var l in page.Letters)
        {
            if (string.IsNullOrWhiteSpace(l.Value)) { End(); prev = null; continue; }
            if (IsMathFont(l.FontName)) { End(); prev = null; math.Append(l.Value); continue; }
            var lx0 = l.StartBaseLine.X;
            if (l.TextOrientation is TextOrientation.Rotate90 or TextOrientation.Rotate270)
            {
                // Vertical text (a figure's y-axis label) is not read as words: each letter stands alone, so narrow letters
                // one above the other ("i", "g" of a rotated "height") are not glued into a word the page does not have.
                End();
                x0 = lx0; x1 = lx0 + l.Width; y = l.StartBaseLine.Y; size = l.PointSize > 0 ? l.PointSize : l.FontSize;
                text.Append(l.Value);
                End();
                prev = null;
                continue;
            }
            var lx1 = Math.Max(l.EndBaseLine.X, lx0 + l.Width);
            var ly = l.StartBaseLine.Y;
            var ls = l.PointSize > 0 ? l.PointSize : l.FontSize;
            if (prev is not null)
            {
                var em = Math.Max(ls, 1);
                var gap = lx0 - x1;
                if (Math.Abs(ly - y) > 0.3 * em || gap > 0.12 * em || gap < -0.5 * em) End();
            }
            if (text.Length == 0) { x0 = lx0; y = ly; size = ls; }
            text.Append(l.Value);
            x1 = lx1;
            size = Math.Max(size, ls);
            prev = l;
        }
        End();
        if (math.Length > 0 && words.Count > 0) words[^1] = words[^1] with { MathAfter = math.ToString() };
        return words;
    }

    private static double BodyFontSize(List<List<PdfWord>> pages)
    {
        var counts = new Dictionary<double, int>();
        // Footnotes do not count: in a short document their text can outweigh the body's.
        foreach (var w in pages.SelectMany(p => p.Take(NotesStart(p))))
        {
            var s = Math.Round(w.Size, 1);
            counts[s] = counts.GetValueOrDefault(s) + w.Text.Length;
        }
        return counts.Count == 0 ? 10 : counts.MaxBy(kv => kv.Value).Key;
    }

    /// <summary>
    /// Where a page's footnotes start (its word count when it has none): a line that starts with a raised mark, after
    /// which nothing but a page number is set larger than the note's text, which is smaller than text above it on the page.
    /// </summary>
    private static int NotesStart(List<PdfWord> words)
    {
        for (var i = 1; i + 1 < words.Count; i++)
        {
            if (!words[i].NewLine || !IsNoteMark(words[i], words[i + 1])) continue;
            var size = words[i + 1].Size;
            var above = 0.0;
            for (var k = 0; k < i; k++) above = Math.Max(above, words[k].Size);
            if (size < 0.95 * above && words.Skip(i + 1).All(w => w.Size <= 1.05 * size || IsPageNumber(w.Text))) return i;
        }
        return words.Count;
    }

    /// <summary>Drops page numbers (a lone number on the lowest or highest line) and running heads repeated at the same place.</summary>
    private static void RemoveFurniture(List<List<PdfWord>> pages, double bodySize)
    {
        var repeated = new Dictionary<(string, int), int>();
        foreach (var words in pages)
            foreach (var line in Lines(words).Where(l => l.Count > 0).Select(l => (Text: Shape(l), Y: (int)Math.Round(l[0].Y / 2))).Distinct())
                repeated[line] = repeated.GetValueOrDefault(line) + 1;
        var threshold = Math.Max(2, pages.Count / 2 + 1);
        foreach (var words in pages)
        {
            if (words.Count == 0) continue;
            var lines = Lines(words);
            var lowest = lines.MinBy(l => l[0].Y)!;
            var highest = lines.MaxBy(l => l[0].Y)!;
            var drop = new HashSet<PdfWord>();
            // A page number is set no larger than the text; a title alone on the first page's top line that reads
            // as a number ("X", "IV", "2026") is large and stays.
            foreach (var line in new[] { lowest, highest })
                if (line.All(w => IsPageNumber(w.Text) && w.Size < 1.3 * bodySize) && lines.Count > 1) drop.UnionWith(line);
            if (pages.Count >= 3)
                foreach (var line in lines)
                    // A chapter's heading ("Chapter 2" at the top of its page) is large; running heads are not.
                    if ((line[0].Y > highest[0].Y - 1 || line[0].Y < lowest[0].Y + 1) && line.All(w => w.Size < 1.3 * bodySize))
                        if (repeated.GetValueOrDefault((Shape(line), (int)Math.Round(line[0].Y / 2))) >= threshold) drop.UnionWith(line);
            words.RemoveAll(drop.Contains);
        }
    }

    private static string Shape(List<PdfWord> line) =>
        new(string.Join(' ', line.Select(w => w.Text)).Select(c => char.IsDigit(c) ? '#' : c).ToArray());

    private static bool IsPageNumber(string s) =>
        s.All(char.IsDigit) || (s.Length <= 6 && s.All(c => "ivxlcdmIVXLCDM".Contains(c)));

    /// <summary>Words on one baseline (within a third of their size), in order.</summary>
    private static List<List<PdfWord>> Lines(List<PdfWord> words)
    {
        var lines = new List<List<PdfWord>>();
        foreach (var w in words)
        {
            var line = lines.FirstOrDefault(l => Math.Abs(l[0].Y - w.Y) < 0.3 * Math.Max(w.Size, 1));
            if (line is null) lines.Add([w]); else line.Add(w);
        }
        return lines;
    }

    /// <summary>Footnotes: smaller words below every body-size word of the page; each starts with its raised number.</summary>
    private void SplitNotes(List<PdfWord> words)
    {
        var body = words.Where(w => w.Size >= 0.97 * BodySize).ToList();
        var floor = body.Count == 0 ? double.MinValue : body.Min(w => w.Y) - 0.3 * BodySize;
        bool Below(PdfWord w) => w.Size < 0.92 * BodySize && w.Y < floor;
        // A page's footnotes start with a raised mark. Smaller text below without one is body text that the larger
        // words (a title and a heading over one short paragraph) outnumbered when the body size was guessed.
        var first = words.FindIndex(Below);
        var hasNotes = first >= 0 && first + 1 < words.Count && IsNoteMark(words[first], words[first + 1]);
        for (var i = 0; i < words.Count; i++)
        {
            var w = words[i];
            var isNote = hasNotes && Below(w);
            if (!isNote) { Body.Add(w); continue; }
            var next = i + 1 < words.Count ? words[i + 1] : null;
            if (w.Text.All(char.IsDigit) && next is not null && w.Size < 0.85 * next.Size && w.Y > next.Y + 0.1 && (w.NewLine || Notes.Count == 0 || w.Page != Notes[^1].Page || NoteNumbers.Count == 0))
            {
                NoteNumbers.Add(w.Text);
                continue;
            }
            Notes.Add(w);
        }
    }

    /// <summary>A footnote's mark: a number (or *, †, ‡, §, ¶, ‖) set smaller than the word after it and raised above it.</summary>
    private static bool IsNoteMark(PdfWord w, PdfWord next) =>
        (w.Text.All(char.IsDigit) || w.Text is "*" or "∗" or "†" or "‡" or "§" or "¶" or "‖") && w.Text.Length > 0 && w.Size < 0.85 * next.Size && w.Y > next.Y + 0.1;

    /// <summary>
    /// The contents list: from a "Contents" heading (larger than the body text) through the lines that end in a page
    /// number at the right margin (an entry wrapped over two lines ends in one on its second line).
    /// </summary>
    private void DropContents()
    {
        var start = Body.FindIndex(w => w.Text == "Contents" && w.Size >= 1.3 * BodySize);
        if (start < 0) return;
        var end = start + 1;
        while (end < Body.Count)
        {
            var lineEnd = end;
            while (!IsLineEnd(lineEnd)) lineEnd++;
            var next = lineEnd;
            if (!(Body[lineEnd].Text.All(char.IsDigit) || IsPageNumber(Body[lineEnd].Text)) || !AtRightMargin(lineEnd))
            {
                // One more line may finish a wrapped entry.
                next = lineEnd + 1;
                if (next >= Body.Count) break;
                while (!IsLineEnd(next)) next++;
                if (!Body[next].Text.All(char.IsDigit) || !AtRightMargin(next) || Body[next].Size > 1.1 * BodySize) break;
            }
            end = next + 1;
        }
        Body.RemoveRange(start, end - start);
    }

    /// <summary>Each word's line on its page, for messages ("page 4, line 12").</summary>
    private static void NumberLines(List<PdfWord> body, List<PdfWord> notes)
    {
        var last = new Dictionary<int, int>();
        foreach (var list in new[] { body, notes })
            for (var k = 0; k < list.Count; k++)
            {
                var w = list[k];
                var line = last.GetValueOrDefault(w.Page);
                if (line == 0 || w.NewLine || (k > 0 && list[k - 1].Page != w.Page)) line++;
                last[w.Page] = line;
                list[k] = w with { Line = line };
            }
    }

    public static string Place(PdfWord w) => $"PDF page {w.Page}, line {w.Line}";

    /// <summary>Body words that end their line: the next word starts a new line or a new page.</summary>
    public IEnumerable<PdfWord> LineEnds()
    {
        for (var k = 0; k < Body.Count; k++)
            if (IsLineEnd(k)) yield return Body[k];
    }

    public bool IsLineEnd(int k) => k + 1 >= Body.Count || Body[k + 1].NewLine || Body[k + 1].Page != Body[k].Page;

    /// <summary>An equation number as amsmath sets it: the last word of its line, flush with the right edge of the text.</summary>
    public bool AtRightMargin(int k) => IsLineEnd(k) && Math.Abs(Body[k].X1 - RightMargin) <= 3;

    /// <summary>Joins a word ending in a hyphen at a line end with the first word of the next line.</summary>
    private static void JoinHyphens(List<PdfWord> words)
    {
        for (var i = 0; i + 1 < words.Count; i++)
        {
            var w = words[i];
            if (w.Text.Length < 2 || w.Text[^1] != '-' || !char.IsLetter(w.Text[^2]) || !words[i + 1].NewLine) continue;
            var joined = w.Text + words[i + 1].Text;
            words[i] = w with { Text = joined, Key = WordNormalizer.Key(joined), X1 = words[i + 1].X1 };
            words.RemoveAt(i + 1);
        }
    }
}
