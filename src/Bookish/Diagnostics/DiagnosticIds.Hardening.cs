namespace Bookish.Diagnostics;

/// <summary>Ids for paths, output folders and input limits (issue 14): one per meaning.</summary>
public static partial class DiagnosticIds
{
    /// <summary>A path the document names leads outside the project root (links followed); nothing was read.</summary>
    public static readonly DiagnosticDescriptor PathOutsideProject = Error("BK1020", "path outside the project");
    /// <summary>The output folder is unsafe: a symbolic link, the project itself, or a folder that holds the input.</summary>
    public static readonly DiagnosticDescriptor OutputRefused = Error("BK1021", "output folder refused");
    /// <summary>A file name derived from the document would land outside the output folder; not written.</summary>
    public static readonly DiagnosticDescriptor OutputNameRefused = Error("BK1022", "output file name refused");
    /// <summary>Another build holds the output folder's lock.</summary>
    public static readonly DiagnosticDescriptor OutputLocked = Error("BK1023", "output folder locked by another build");
    /// <summary>Input nested deeper (or larger) than Bookish reads: the construct is skipped.</summary>
    public static readonly DiagnosticDescriptor InputTooDeep = Error("BK1024", "input nested too deeply or too large");
    /// <summary>A page template without a body slot, or otherwise unusable.</summary>
    public static readonly DiagnosticDescriptor TemplateUnusable = Error("BK1025", "template unusable");
    /// <summary>A cache entry could not be used (e.g. a folder where the file should be); the equation is rendered again.</summary>
    public static readonly DiagnosticDescriptor CacheEntryUnusable = Warning("BK2010", "cache entry or folder unusable");
    /// <summary>A plot stopped sampling at its evaluation budget.</summary>
    public static readonly DiagnosticDescriptor PlotBudget = Warning("BK6002", "plot evaluation budget spent");

    /// <summary>Every descriptor of the catalogue, by id.</summary>
    public static IReadOnlyDictionary<string, DiagnosticDescriptor> All => Catalogue.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, DiagnosticDescriptor>> Catalogue = new(() => new[]
    {
        InputNotFound, FrontMatter, UnterminatedMath, UnknownReference, DuplicateLabel, Bibliography, UnknownPackage,
        MathLeftAsText, MissingChapter, MissingInclude, MissingNotationFile, DialectSyntax, PythonNotExecuted,
        PathOutsideProject, OutputRefused, OutputNameRefused, OutputLocked, InputTooDeep, TemplateUnusable,
        TexError, ForbiddenPrimitive, TexTimeout, MissingMathOutput, PreambleError, CacheEntryUnusable,
        PdfError, MissingImage, PdfUntypesetCharacter, PdfShrunkEquation,
        DerivativeRefuted, DerivativeNotCheckable, ParityDifference,
        DerivativeTypo,
        ItalicOperator, NotationForm, NotationDuplicate, NotationUnused, NotationUndeclared, UndefinedMacro,
        PlotError, PlotBudget, BuildTimeout,
        UnknownFormat, EpubRemoteImage, EpubMetadata, EpubLinkedFile, EpubImageType,
        UnterminatedDollar, UnknownCitationKey, UnknownCalloutKind, UnclosedDiv, UnknownCitationStyle,
        CodeLanguageUnknown, CodeAttribute, KramdownAttributeDropped, KramdownLiquid, KramdownSyntax,
        PdfStale,
        PythonException, PythonTimeout, PythonOutputTruncated, PythonModuleMissing, PythonNotRun, PythonCellOption, PythonSavedResults,
    }.ToDictionary(d => d.Id, StringComparer.Ordinal));
}
