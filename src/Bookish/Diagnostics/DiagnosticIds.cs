namespace Bookish.Diagnostics;

/// <summary>
/// The catalogue of diagnostics, one descriptor per meaning. 1xxx reading, 2xxx math, 3xxx PDF, 4xxx checks,
/// 5xxx notation, 6xxx plots, 9xxx environment. Numbers never change meaning once users have seen them.
/// </summary>
public static partial class DiagnosticIds
{
    private static DiagnosticDescriptor Error(string id, string title) => new(id, Severity.Error, title);
    private static DiagnosticDescriptor Warning(string id, string title) => new(id, Severity.Warning, title);
    private static DiagnosticDescriptor Info(string id, string title) => new(id, Severity.Info, title);

    /// <summary>The input (or the folder given with --root) does not exist or holds no document: nothing can be built.</summary>
    public static readonly DiagnosticDescriptor InputNotFound = Error("BK1001", "input not found");
    public static readonly DiagnosticDescriptor FrontMatter = Error("BK1002", "front matter");
    public static readonly DiagnosticDescriptor UnterminatedMath = Error("BK1003", "unterminated math");
    public static readonly DiagnosticDescriptor UnknownReference = Error("BK1004", "unknown label");
    public static readonly DiagnosticDescriptor DuplicateLabel = Warning("BK1005", "duplicate label");
    public static readonly DiagnosticDescriptor Bibliography = Error("BK1006", "bibliography");
    public static readonly DiagnosticDescriptor UnknownPackage = Error("BK1007", "unknown or unsafe LaTeX package");
    public static readonly DiagnosticDescriptor MathLeftAsText = Warning("BK1008", "TeX left as text by the $ rule");
    /// <summary>A chapter a book names (bookish.yml, index front matter) is not there; the other chapters build.</summary>
    public static readonly DiagnosticDescriptor MissingChapter = Error("BK1009", "chapter file not found");
    /// <summary>A legacy <c>&lt;include&gt;</c> names a file that is not there.</summary>
    public static readonly DiagnosticDescriptor MissingInclude = Error("BK1010", "included file not found");
    /// <summary>The notation file front matter names (<c>notation: file</c>) is not there.</summary>
    public static readonly DiagnosticDescriptor MissingNotationFile = Error("BK1011", "notation file not found");
    public static readonly DiagnosticDescriptor DialectSyntax = Error("BK1100", "legacy dialect syntax");
    public static readonly DiagnosticDescriptor PythonNotExecuted = Warning("BK1101", "Python cell not executed");
    public static readonly DiagnosticDescriptor TexError = Error("BK2001", "TeX error in an equation");
    public static readonly DiagnosticDescriptor ForbiddenPrimitive = Error("BK2002", "forbidden TeX primitive");
    public static readonly DiagnosticDescriptor TexTimeout = Error("BK2003", "TeX timeout");
    public static readonly DiagnosticDescriptor MissingMathOutput = Error("BK2004", "TeX produced no output for an equation");
    public static readonly DiagnosticDescriptor PreambleError = Error("BK2005", "preamble rejected by LaTeX");
    public static readonly DiagnosticDescriptor PdfError = Error("BK3001", "LaTeX error in the PDF");
    /// <summary>An image (figure or inline) the document names is not there: reported at the image's source line.</summary>
    public static readonly DiagnosticDescriptor MissingImage = Warning("BK3002", "image not found");
    public static readonly DiagnosticDescriptor PdfUntypesetCharacter = Warning("BK3003", "character no installed font has");
    public static readonly DiagnosticDescriptor PdfShrunkEquation = Warning("BK3004", "display equation shrunk to the text width");
    public static readonly DiagnosticDescriptor DerivativeRefuted = Error("BK4001", "derivative claim refuted");
    public static readonly DiagnosticDescriptor DerivativeNotCheckable = Warning("BK4002", "derivative claim not checkable");
    public static readonly DiagnosticDescriptor ParityDifference = Error("BK4100", "HTML and PDF differ");
    public static readonly DiagnosticDescriptor ItalicOperator = Warning("BK5001", "italic operator name");
    public static readonly DiagnosticDescriptor NotationForm = Warning("BK5002", "declared symbol written in another form");
    public static readonly DiagnosticDescriptor NotationDuplicate = Error("BK5003", "symbol declared twice");
    public static readonly DiagnosticDescriptor NotationUnused = Warning("BK5004", "notation entry never used");
    public static readonly DiagnosticDescriptor NotationUndeclared = Warning("BK5005", "symbol used but not declared");
    public static readonly DiagnosticDescriptor UndefinedMacro = Error("BK5006", "undefined macro");
    public static readonly DiagnosticDescriptor PlotError = Error("BK6001", "plot error");
    // Pandoc and Quarto syntax (issue 22): citations, callouts, fenced divs, dollars.
    /// <summary>A <c>$</c> or <c>$$</c> opens inline math that never closes in its paragraph.</summary>
    public static readonly DiagnosticDescriptor UnterminatedDollar = Warning("BK1300", "unterminated $");
    /// <summary>A citation names a key the bibliography does not have.</summary>
    public static readonly DiagnosticDescriptor UnknownCitationKey = Error("BK1301", "unknown citation key");
    /// <summary>A callout or fenced div names a kind Bookish does not know; it is shown as a note.</summary>
    public static readonly DiagnosticDescriptor UnknownCalloutKind = Warning("BK1302", "unknown callout kind");
    /// <summary>A fenced div (<c>:::</c>) is not closed before the end of the file.</summary>
    public static readonly DiagnosticDescriptor UnclosedDiv = Error("BK1303", "unclosed fenced div");
    /// <summary>The front matter names a citation style Bookish cannot format; numeric is used.</summary>
    public static readonly DiagnosticDescriptor UnknownCitationStyle = Warning("BK1304", "unknown citation style");
    /// <summary>The whole build exceeded its --timeout budget.</summary>
    public static readonly DiagnosticDescriptor BuildTimeout = Error("BK9101", "build timeout");
}
