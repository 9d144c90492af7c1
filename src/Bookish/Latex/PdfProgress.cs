using System.Globalization;

namespace Bookish.Latex;

/// <summary>
/// Progress markers in the PDF's LaTeX: each block begins with <c>\typeout{BKP:token:N}</c>, N its line in the .tex.
/// pdflatex prints them as it goes, so <see cref="PdfBuilder"/> can tell a run that stopped making progress (an
/// endless loop in raw LaTeX) and which block it was in, then stop it and write that block as a marker.
/// </summary>
internal static class PdfProgress
{
    /// <summary>The start of every marker line of one run.</summary>
    public static string Prefix(string token) => $"BKP:{token}:";

    /// <summary>The TeX that prints the marker for the block starting at <paramref name="texLine"/>.</summary>
    public static string Marker(string token, int texLine) => $"\\typeout{{{Prefix(token)}{texLine.ToString(CultureInfo.InvariantCulture)}}}";

    /// <summary>The .tex line a printed line marks, or null when it is not one of this run's markers.</summary>
    public static int? LineOf(string printed, string prefix) =>
        printed.StartsWith(prefix, StringComparison.Ordinal)
        && int.TryParse(printed.AsSpan(prefix.Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var line) ? line : null;
}
