using Bookish.Cli;
using Bookish.Diagnostics;
using Bookish.Publishing;
using Bookish.Text;

namespace Bookish.Tests.Cli;

/// <summary>What an author reads: rustc-style excerpts on a terminal, one line in CI, paths relative to where they ran.</summary>
public sealed class DiagnosticPrinterTests
{
    private static string Print(IReadOnlyList<Diagnostic> diagnostics, string format)
    {
        var writer = new StringWriter();
        DiagnosticPrinter.Print(diagnostics, format, writer);
        return writer.ToString().Replace("\r", "");
    }

    [Fact]
    public void Pretty_shows_the_source_line_and_a_caret_under_the_span()
    {
        var dir = Directory.CreateTempSubdirectory("bookish-pretty-").FullName;
        var file = Path.Combine(dir, "chapter.md");
        File.WriteAllText(file, "# Title\n\nThe mean is $\\frac{1}{n$ here.\n");
        var d = Diagnostic.Error(DiagnosticIds.TexError, new SourceSpan(file, 3, 13, 3, 24), "! Missing } inserted.\nl.1 ...");

        var lines = Print([d], "pretty").Split('\n');

        Assert.Equal("error[BK2001]: ! Missing } inserted.", lines[0]);
        Assert.Equal($" --> {file}:3:13", lines[1]);
        Assert.Equal("3 | The mean is $\\frac{1}{n$ here.", lines[3]);
        Assert.Equal("  |             ^^^^^^^^^^^^", lines[4]);
        Assert.Equal("   = l.1 ...", lines[5]);
    }

    [Fact]
    public void Text_is_one_line_per_diagnostic_even_for_a_message_of_several_lines()
    {
        var d = Diagnostic.Error(DiagnosticIds.TexError, SourceSpan.At("a.md", 2, 3), "! Missing } inserted.");

        Assert.Equal("a.md:2:3: error BK2001: ! Missing } inserted.\n", Print([d, ], "text"));
    }

    [Fact]
    public void A_path_inside_the_working_folder_is_shown_relative_to_it_and_one_outside_is_left_whole()
    {
        var cwd = Path.Combine(Path.GetTempPath(), "project");

        Assert.Equal(Path.Combine("notes", "a.md"), DiagnosticPrinter.RelativePath(Path.Combine(cwd, "notes", "a.md"), cwd));
        Assert.Equal("/elsewhere/a.md", DiagnosticPrinter.RelativePath("/elsewhere/a.md", cwd));
        Assert.Equal("notes/a.md", DiagnosticPrinter.RelativePath("notes/a.md", cwd));
    }

    [Fact]
    public void Auto_is_one_line_text_when_the_stream_is_redirected()
    {
        Assert.Equal("text", DiagnosticPrinter.Auto(redirected: true));
    }

    [Fact]
    public void The_summary_says_what_came_from_the_cache_and_what_TeX_typeset()
    {
        var result = new BuildResult([], "/work/out/paper") { MathFragments = 414, MathRendered = 414, MathFromCache = 402, TexRuns = 2, OutputWritten = true };

        Assert.Equal("414 equations: 12 typeset now, 402 from cache (2 TeX runs); 0 errors, 0 warnings; wrote out/paper", BuildSummary.Line(result, "/work"));
    }

    [Fact]
    public void A_build_that_wrote_nothing_never_says_wrote()
    {
        var missing = Diagnostic.Error(DiagnosticIds.InputNotFound, SourceSpan.At("nope.md", 0, 0), "input file not found");
        var result = new BuildResult([missing], "/work/output/nope") { Kind = BuildKind.BadInput };

        var line = BuildSummary.Line(result, "/work");

        Assert.DoesNotContain("wrote", line);
        Assert.Equal("nothing was built; 1 error, 0 warnings", line);
    }
}
