namespace Bookish.Diagnostics;

/// <summary>Ids for paths, output folders and input limits (issue 14): one per meaning.</summary>
public static partial class DiagnosticIds
{
    /// <summary>A path the document names leads outside the project root (links followed); nothing was read.</summary>
    public const string PathOutsideProject = "BK1020";
    /// <summary>The output folder is unsafe: a symbolic link, the project itself, or a folder that holds the input.</summary>
    public const string OutputRefused = "BK1021";
    /// <summary>A file name derived from the document would land outside the output folder; not written.</summary>
    public const string OutputNameRefused = "BK1022";
    /// <summary>Another build holds the output folder's lock.</summary>
    public const string OutputLocked = "BK1023";
    /// <summary>Input nested deeper (or larger) than Bookish reads: the construct is skipped.</summary>
    public const string InputTooDeep = "BK1024";
    /// <summary>A page template without a body slot, or otherwise unusable.</summary>
    public const string TemplateUnusable = "BK1025";
    /// <summary>A cache entry could not be used (e.g. a folder where the file should be); the equation is rendered again.</summary>
    public const string CacheEntryUnusable = "BK2010";
    /// <summary>A plot stopped sampling at its evaluation budget.</summary>
    public const string PlotBudget = "BK6002";
}
