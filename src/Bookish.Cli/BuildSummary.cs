using Bookish.Publishing;

namespace Bookish.Cli;

/// <summary>The one line a build ends with: what the numbers mean, and "wrote" only when something was written.</summary>
internal static class BuildSummary
{
    public static string Line(BuildResult result, string workingDirectory)
    {
        var errors = result.Diagnostics.Count(d => d.IsError);
        var problems = $"{Count(errors, "error")}, {Count(result.Diagnostics.Count - errors, "warning")}";
        if (!result.OutputWritten) return $"nothing was built; {problems}";
        var typeset = result.MathRendered - result.MathFromCache;
        var failed = result.MathFragments - result.MathRendered;
        var math = $"{Count(result.MathFragments, "equation")}: {typeset} typeset now, {result.MathFromCache} from cache" +
                   (failed > 0 ? $", {failed} failed" : "") + (result.TexRuns > 0 ? $" ({Count(result.TexRuns, "TeX run")})" : "");
        var python = result.PythonCellsRun + result.PythonCellsFromCache > 0
            ? $"Python: {result.PythonCellsRun} cell(s) run, {result.PythonCellsFromCache} from saved results; " : "";
        return $"{math}; {python}{problems}; wrote {Path.GetRelativePath(workingDirectory, result.OutputDirectory)}";
    }

    private static string Count(int n, string noun) => $"{n} {noun}{(n == 1 ? "" : "s")}";
}
