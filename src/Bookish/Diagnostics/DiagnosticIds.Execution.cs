namespace Bookish.Diagnostics;

/// <summary>Ids for executable Python cells (issue 24): BK1500–BK1549.</summary>
public static partial class DiagnosticIds
{
    /// <summary>A cell raised an exception: reported at the cell's line the traceback names, with Python's own words.</summary>
    public static readonly DiagnosticDescriptor PythonException = Error("BK1500", "Python cell raised an exception");
    /// <summary>A cell ran longer than its timeout and was stopped.</summary>
    public static readonly DiagnosticDescriptor PythonTimeout = Error("BK1501", "Python cell timed out");
    /// <summary>A cell printed more than Bookish keeps; the rest was dropped.</summary>
    public static readonly DiagnosticDescriptor PythonOutputTruncated = Warning("BK1502", "Python output truncated");
    /// <summary>A cell imports a module that is not installed: the Debian package (or pip line) is named.</summary>
    public static readonly DiagnosticDescriptor PythonModuleMissing = Error("BK1503", "Python module not installed");
    /// <summary>A cell was not run because Python stopped before it (the document's time budget, a crash).</summary>
    public static readonly DiagnosticDescriptor PythonNotRun = Error("BK1504", "Python cell not run");
    /// <summary>A cell option is unknown or has a value Bookish cannot use.</summary>
    public static readonly DiagnosticDescriptor PythonCellOption = Warning("BK1505", "Python cell option");
    /// <summary>The page shows results saved by an earlier executing build (the cell was not run by this one).</summary>
    public static readonly DiagnosticDescriptor PythonSavedResults = Info("BK1506", "Python results from an earlier build");
}
