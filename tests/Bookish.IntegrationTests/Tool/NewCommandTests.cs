using AngleSharp.Html.Parser;
using Bookish.IntegrationTests.Support;
using Bookish.Publishing;

namespace Bookish.IntegrationTests.Tool;

/// <summary><c>bookish new</c>: what it scaffolds builds and checks at once, with no diagnostics at all.</summary>
public sealed class NewCommandTests
{
    [Theory(Timeout = 300_000)]
    [InlineData("article", new[] { "index.html" })]
    [InlineData("book", new[] { "index.html", "01-foundations.html", "02-gradients.html" })]
    public async Task A_new_project_builds_its_page_and_PDF_and_checks_with_zero_diagnostics(string kind, string[] pages)
    {
        var scratch = Repo.TempDirectory("bookish-new-");
        var created = await BookishProcess.RunAsync(["new", kind, "Gradient notes"], scratch);
        Assert.True(created.ExitCode == 0, created.StandardError);
        var project = Path.Combine(scratch, "Gradient notes");
        foreach (var file in new[] { "index.md", "notation.yaml", "references.bib", ".gitignore", ".github/workflows/bookish.yml" })
            Assert.True(File.Exists(Path.Combine(project, file)), file);

        var output = Path.Combine(scratch, "out");
        var result = await Publisher.BuildAsync(new BuildOptions(project) { OutputDirectory = output, CacheDirectory = Path.Combine(scratch, "cache") });

        Assert.Empty(result.Diagnostics);
        foreach (var page in pages) Assert.True(File.Exists(Path.Combine(output, page)), page);
        Assert.True(File.Exists(result.PdfPath), "the PDF is written");
        var index = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(output, "index.html")));
        Assert.Equal("Gradient notes", index.QuerySelector("header h1")?.TextContent.Trim());
        var check = Checker.Run(project, autoDerivatives: false, output: output);
        Assert.Empty(check.Diagnostics);
        Assert.Equal(1, check.ChecksVerified);
    }

    [Fact(Timeout = 60_000)]
    public async Task New_refuses_a_folder_that_already_holds_files_and_leaves_them_alone()
    {
        var scratch = Repo.TempDirectory("bookish-new-");
        File.WriteAllText(Path.Combine(scratch, "index.md"), "# Mine\n");

        var r = await BookishProcess.RunAsync(["new", "article", scratch]);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not an empty folder", r.StandardError);
        Assert.Equal("# Mine\n", File.ReadAllText(Path.Combine(scratch, "index.md")));
        Assert.Single(Directory.GetFileSystemEntries(scratch));
    }

    [Fact(Timeout = 60_000)]
    public async Task The_scaffolded_workflow_installs_the_tool_installs_what_packages_tsv_lists_and_runs_build_and_check_for_github()
    {
        var scratch = Repo.TempDirectory("bookish-new-");
        await BookishProcess.RunAsync(["new", "article", "paper"], scratch);

        var workflow = File.ReadAllText(Path.Combine(scratch, "paper", ".github", "workflows", "bookish.yml"));

        Assert.Contains("dotnet tool install --global bookish", workflow);
        Assert.Contains("bookish build . -o output/paper --format github", workflow);
        Assert.Contains("bookish check . -o output/paper --format github", workflow);
        foreach (var package in Bookish.Toolchain.DebianPackages.All.Where(r => r.When == "build").SelectMany(r => r.Packages.Split(' ')))
            Assert.Contains(" " + package, workflow);
    }
}
