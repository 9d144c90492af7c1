using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using CliWrap;
using CliWrap.Buffered;

namespace Bookish.IntegrationTests.Tool;

/// <summary>
/// The packed .NET tool as an author gets it: packed from this repository, installed into a private tool path from
/// that local package alone (no network), then run from a folder outside the repository.
/// </summary>
public sealed class InstalledToolTests
{
    private static async Task<BufferedCommandResult> RunAsync(string program, IEnumerable<string> args, string workingDirectory, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        return await CliWrap.Cli.Wrap(program).WithArguments(args).WithWorkingDirectory(workingDirectory)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync(cts.Token);
    }

    /// <summary>Packs the CLI (already built) and installs it into a fresh tool path; returns the path of its <c>bookish</c> command.</summary>
    private static async Task<string> InstallAsync(string scratch)
    {
        var feed = Directory.CreateDirectory(Path.Combine(scratch, "feed")).FullName;
        var pack = await RunAsync("dotnet", ["pack", Path.Combine(Repo.Root, "src", "Bookish.Cli", "Bookish.Cli.csproj"), "-c", "Release", "--no-build", "-o", feed, "-nologo"],
            Repo.Root, TimeSpan.FromMinutes(4));
        Assert.True(pack.ExitCode == 0, pack.StandardOutput + pack.StandardError);
        Assert.Single(Directory.GetFiles(feed, "bookish.*.nupkg"));

        // Only the local package as a source: the install needs nothing from any server.
        var config = Path.Combine(scratch, "nuget.config");
        File.WriteAllText(config, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var tools = Path.Combine(scratch, "tools");
        var install = await RunAsync("dotnet", ["tool", "install", "--tool-path", tools, "--configfile", config, "bookish"], scratch, TimeSpan.FromMinutes(3));
        Assert.True(install.ExitCode == 0, install.StandardOutput + install.StandardError);
        return Path.Combine(tools, "bookish");
    }

    [Fact(Timeout = 600_000)]
    public async Task The_installed_tool_scaffolds_an_article_outside_the_repository_and_builds_its_page_and_PDF_with_no_diagnostics()
    {
        var scratch = Repo.TempDirectory("bookish-tool-");
        var bookish = await InstallAsync(scratch);
        var work = Directory.CreateDirectory(Path.Combine(scratch, "writing")).FullName;

        var help = await RunAsync(bookish, ["--help"], work, TimeSpan.FromMinutes(1));
        Assert.Contains("bookish [command]", help.StandardOutput);
        Assert.DoesNotContain("Bookish.Cli", help.StandardOutput);

        var created = await RunAsync(bookish, ["new", "article", "x"], work, TimeSpan.FromMinutes(1));
        Assert.True(created.ExitCode == 0, created.StandardError);
        var build = await RunAsync(bookish, ["build", "x"], work, TimeSpan.FromMinutes(5));

        Assert.True(build.ExitCode == 0, build.StandardError);
        Assert.Contains("0 errors, 0 warnings; wrote output/x", build.StandardError);
        Assert.DoesNotContain(": error BK", build.StandardError);
        Assert.DoesNotContain(": warning BK", build.StandardError);
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(work, "output", "x", "index.html")));
        Assert.Equal("X", page.QuerySelector("header h1")?.TextContent.Trim());
        Assert.True(page.QuerySelectorAll(".math svg").Length >= 5, "equations are typeset into the page");
        Assert.Equal("verified", page.QuerySelector("[data-verdict]")?.GetAttribute("data-verdict"));
        Assert.NotNull(page.QuerySelector("figure svg"));
        var pdf = PdfText.Normalize(PdfText.Words(Path.Combine(work, "output", "x", "x.pdf")));
        Assert.Contains("Where to begin", pdf);
        Assert.Contains("Convex Optimization", pdf);
        // Nothing of the build lands in the folder the command ran from except output/: the cache lives in the user's cache.
        Assert.Equal(["output", "x"], Directory.GetFileSystemEntries(work).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        // With parity: the one-letter title "X" alone on the PDF's top line is the title, not a Roman page number.
        var check = await RunAsync(bookish, ["check", "x"], work, TimeSpan.FromMinutes(3));
        Assert.True(check.ExitCode == 0, check.StandardOutput + check.StandardError);
        Assert.Contains("1 verified, 0 refuted", check.StandardOutput);
    }
}
