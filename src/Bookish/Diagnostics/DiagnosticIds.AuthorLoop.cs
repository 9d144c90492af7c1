namespace Bookish.Diagnostics;

/// <summary>Ids for the author's loop (issue 19: <c>serve</c>, <c>build --no-pdf</c>); range BK8000–BK8049.</summary>
public static partial class DiagnosticIds
{
    /// <summary><c>build --no-pdf</c> kept the PDF of an earlier build, and a source file is newer than it: the page says so.</summary>
    public static readonly DiagnosticDescriptor PdfStale = Info("BK8001", "PDF kept from an earlier build is older than its source");
}
