namespace Bookish.Diagnostics;

/// <summary>Stable diagnostic ids. 1xxx reading, 2xxx math, 3xxx PDF, 4xxx checks, 5xxx notation, 6xxx plots, 9xxx environment.</summary>
public static partial class DiagnosticIds
{
    public const string InputNotFound = "BK1001";
    public const string FrontMatter = "BK1002";
    public const string UnterminatedMath = "BK1003";
    public const string UnknownReference = "BK1004";
    public const string DuplicateLabel = "BK1005";
    public const string Bibliography = "BK1006";
    public const string UnknownPackage = "BK1007";
    public const string MathLeftAsText = "BK1008";
    public const string DialectSyntax = "BK1100";
    public const string PythonNotExecuted = "BK1101";
    public const string TexError = "BK2001";
    public const string ForbiddenPrimitive = "BK2002";
    public const string TexTimeout = "BK2003";
    public const string MissingMathOutput = "BK2004";
    public const string PreambleError = "BK2005";
    public const string PdfError = "BK3001";
    public const string PdfMissingImage = "BK3002";
    public const string PdfUntypesetCharacter = "BK3003";
    public const string PdfShrunkEquation = "BK3004";
    public const string DerivativeRefuted = "BK4001";
    public const string DerivativeNotCheckable = "BK4002";
    public const string ParityDifference = "BK4100";
    public const string ItalicOperator = "BK5001";
    public const string NotationForm = "BK5002";
    public const string NotationDuplicate = "BK5003";
    public const string NotationUnused = "BK5004";
    public const string NotationUndeclared = "BK5005";
    public const string UndefinedMacro = "BK5006";
    public const string PlotError = "BK6001";
    /// <summary>The whole build exceeded its --timeout budget.</summary>
    public const string BuildTimeout = "BK9101";
}
