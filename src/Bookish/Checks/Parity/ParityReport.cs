using System.Collections.Immutable;

namespace Bookish.Checks.Parity;

/// <summary>What a difference is about.</summary>
internal enum ParityKind { Input, Heading, Prose, Equation, Figure, Table, Link, Notation, Reference, Note }

/// <summary>Where a difference is: the section heading, the 1-based block index within it, and the source path:line.</summary>
internal sealed record ParityLocation(string Section, int Paragraph, string? Source)
{
    public static readonly ParityLocation None = new("", 0, null);

    public override string ToString()
    {
        var where = Section.Length > 0 ? $"\u00a7 \"{Section}\"" : "before the first section";
        if (Paragraph > 0) where += $", block {Paragraph}";
        return Source is { Length: > 0 } s ? $"{s} ({where})" : where;
    }
}

/// <summary>One disagreement between the HTML and the PDF.</summary>
/// <param name="Html">What the HTML has (null when absent).</param>
/// <param name="Pdf">What the PDF has (null when absent).</param>
/// <param name="Context">A few words of surrounding HTML text, with the difference in brackets.</param>
internal sealed record ParityDifference(ParityKind Kind, string Message, ParityLocation Location, string? Html = null, string? Pdf = null, string? Context = null);

/// <summary>Counts of what was compared, for the summary line.</summary>
internal sealed record ParityStats(int HtmlWords, int PdfWords, int Headings, int Equations, int Figures, int Tables, int Links, int Notes, int PdfPages);

/// <summary>The result of comparing one HTML page (or output folder) with one PDF.</summary>
internal sealed record ParityReport(string HtmlPath, string PdfPath, ImmutableArray<ParityDifference> Differences, TimeSpan Elapsed)
{
    /// <summary>A missing or unreadable input; set instead of differences.</summary>
    public string? InputError { get; init; }
    public ParityStats? Stats { get; init; }
    /// <summary>Elapsed time at the end of each phase (html, pdf), for tuning.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Timings { get; init; } = new Dictionary<string, TimeSpan>();
    public bool Agree => InputError is null && Differences.IsEmpty;
    /// <summary>0 when the outputs agree, 1 when they differ, 2 on bad input.</summary>
    public int ExitCode => InputError is not null ? 2 : Differences.IsEmpty ? 0 : 1;

    public static ParityReport Bad(string html, string pdf, string error, TimeSpan elapsed) =>
        new(html, pdf, [new ParityDifference(ParityKind.Input, error, ParityLocation.None)], elapsed) { InputError = error };
}
