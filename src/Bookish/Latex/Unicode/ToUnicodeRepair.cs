using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Bookish.Latex.Unicode;

/// <summary>
/// Skia's PDF names each glyph by the lowest code point the font maps to it. CJK fonts map a Kangxi radical and its
/// unified ideograph to one glyph (⼭ U+2F2D and 山 U+5C71), so text extracted from the PDF would read radicals where
/// the author wrote ideographs. This rewrites the ToUnicode maps of a Skia PDF so a glyph reads as the character of the
/// drawn text that it stands for (the one with the same NFKC form), and rebuilds the cross-reference table.
/// </summary>
internal static partial class ToUnicodeRepair
{
    [GeneratedRegex(@"(\d+) 0 obj\n(.*?)\nendobj\n", RegexOptions.Singleline)] private static partial Regex PdfObject();
    [GeneratedRegex(@"^(<<.*?>>)\s*stream\r?\n(.*)\r?\nendstream$", RegexOptions.Singleline)] private static partial Regex StreamObject();
    [GeneratedRegex(@"^(<[0-9A-Fa-f]+>\s+)<([0-9A-Fa-f]{4})>\s*$", RegexOptions.Multiline)] private static partial Regex BfChar();
    [GeneratedRegex(@"trailer\s*(<<.*?>>)", RegexOptions.Singleline)] private static partial Regex Trailer();

    public static byte[] Repair(byte[] pdf, string drawn)
    {
        // What each compatibility character should read as: the drawn character it folds to.
        var wanted = new Dictionary<int, int>();
        foreach (var rune in drawn.EnumerateRunes())
        {
            var folded = rune.ToString().Normalize(NormalizationForm.FormKC);
            if (folded != rune.ToString()) continue;
            for (var c = 0x2E80; c <= 0x2FDF; c++)
                if (char.ConvertFromUtf32(c).Normalize(NormalizationForm.FormKC) == folded) wanted[c] = rune.Value;
        }
        if (wanted.Count == 0) return pdf;
        var latin1 = Encoding.Latin1;
        var text = latin1.GetString(pdf);
        var changed = false;
        var objects = new List<(int Number, string Body)>();
        foreach (Match o in PdfObject().Matches(text))
        {
            var body = o.Groups[2].Value;
            if (StreamObject().Match(body) is { Success: true } s && s.Groups[1].Value.Contains("/FlateDecode", StringComparison.Ordinal))
            {
                var inflated = Inflate(latin1.GetBytes(s.Groups[2].Value));
                if (inflated is not null && inflated.Contains("begincmap", StringComparison.Ordinal))
                {
                    var fixedMap = BfChar().Replace(inflated, m =>
                        wanted.TryGetValue(Convert.ToInt32(m.Groups[2].Value, 16), out var to) && to <= 0xFFFF ? $"{m.Groups[1].Value}<{to:X4}>" : m.Value);
                    if (fixedMap != inflated)
                    {
                        body = $"<</Length {fixedMap.Length}>> stream\n{fixedMap}\nendstream";
                        changed = true;
                    }
                }
            }
            objects.Add((int.Parse(o.Groups[1].Value), body));
        }
        if (!changed || Trailer().Match(text) is not { Success: true } trailer) return pdf;
        var output = new StringBuilder(text.Length);
        output.Append(text[..text.IndexOf("1 0 obj", StringComparison.Ordinal)]);
        var offsets = new SortedDictionary<int, int>();
        foreach (var (number, body) in objects)
        {
            offsets[number] = output.Length;
            output.Append(number).Append(" 0 obj\n").Append(body).Append("\nendobj\n");
        }
        var xref = output.Length;
        var size = offsets.Keys.Max() + 1;
        output.Append("xref\n0 ").Append(size).Append("\n0000000000 65535 f \n");
        for (var i = 1; i < size; i++)
            output.Append(offsets.TryGetValue(i, out var at) ? $"{at:D10} 00000 n \n" : "0000000000 00000 f \n");
        output.Append("trailer\n").Append(trailer.Groups[1].Value).Append("\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        return latin1.GetBytes(output.ToString());
    }

    private static string? Inflate(byte[] data)
    {
        try
        {
            using var z = new ZLibStream(new MemoryStream(data), CompressionMode.Decompress);
            using var r = new StreamReader(z, Encoding.Latin1);
            return r.ReadToEnd();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
