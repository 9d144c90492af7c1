using Bookish.Diagnostics;

namespace Bookish.IntegrationTests.Hostile;

/// <summary>
/// Every path a hostile document names leads outside the project to the canary: refused at its source line (BK1020),
/// nothing read, nothing written outside the output folder, in bounded time.
/// </summary>
public sealed class PathContainmentTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    private static void AssertRefused(HostileCase c, HostileCase.Outcome o, string id, string file, int line, int exit = 1)
    {
        c.AssertContained(o);
        Assert.True(o.ExitCode == exit, $"exit {o.ExitCode}, expected {exit}\n{o.Printed}");
        Assert.Matches($@"{System.Text.RegularExpressions.Regex.Escape(file)}:{line}:\d+: error {id}:", o.Printed);
        Assert.True(o.Elapsed < Bound, $"took {o.Elapsed}");
    }

    [Theory]
    [InlineData("css")]
    [InlineData("template")]
    public async Task Front_matter_file_up_and_out_of_the_project_is_BK1020_at_its_line(string key)
    {
        using var c = new HostileCase();
        c.Write("index.md", $"---\ntitle: Harmlos\n{key}: ../secret/canary.txt\n---\n\n# Einleitung\n\nText.\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 3);
    }

    [Fact]
    public async Task Front_matter_css_as_an_absolute_path_is_refused()
    {
        using var c = new HostileCase();
        c.Write("index.md", $"---\ntitle: Abs\ncss: {c.Secret}\n---\n\nText.\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 3);
    }

    [Fact]
    public async Task Front_matter_css_through_a_link_in_the_project_is_refused()
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "style.css"), c.Secret);
        c.Write("index.md", "---\ntitle: Link\ncss: style.css\n---\n\nText.\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 3);
    }

    [Fact]
    public async Task Bibliography_outside_the_project_is_refused()
    {
        using var c = new HostileCase();
        c.Write("index.md", "---\ntitle: Zitat\nbibliography: ../secret/canary.txt\n---\n\nAs shown [@knuth84].\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 3);
    }

    [Fact]
    public async Task Notation_file_through_a_link_is_refused_by_check_too()
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "notation.yaml"), c.Secret);
        c.Write("index.md", "---\ntitle: Notation\nnotation: notation.yaml\n---\n\n$x$ is a number.\n");
        var build = await c.BuildAsync("index.md", "--no-pdf");
        AssertRefused(c, build, DiagnosticIds.PathOutsideProject, "index.md", 3);
        var check = await c.RunAsync(["check", Path.Combine(c.Project, "index.md"), "--no-parity"]);
        AssertRefused(c, check, DiagnosticIds.PathOutsideProject, "index.md", 3);
    }

    [Fact]
    public async Task Image_up_and_out_is_refused_in_page_and_pdf()
    {
        using var c = new HostileCase();
        c.Write("index.md", "---\ntitle: Bild\n---\n\nSee below.\n\n![Secret plot](../secret/canary.txt)\n");
        var o = await c.BuildAsync("index.md");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 7);
    }

    [Fact]
    public async Task Image_that_is_a_link_to_the_canary_is_refused_in_page_and_pdf()
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "figure.png"), c.Secret);
        c.Write("index.md", "---\ntitle: Bild\n---\n\nA figure, inline ![fig](figure.png) too.\n");
        var o = await c.BuildAsync("index.md");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 5);
        Assert.False(File.Exists(Path.Combine(c.Output, "figure.png")));
    }

    [Fact]
    public async Task Includegraphics_in_an_equation_up_and_out_is_refused()
    {
        using var c = new HostileCase();
        File.Copy(c.Secret, Path.Combine(Path.GetDirectoryName(c.Secret)!, "x.png"));
        c.Write("index.md", "---\ntitle: Gleichung\n---\n\nText first.\n\n$$\n\\includegraphics{../secret/x.png} = \\int_0^1 f\n$$\n");
        var o = await c.BuildAsync("index.md");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 7);
    }

    [Fact]
    public async Task Chapters_list_reaching_out_is_refused_at_the_list()
    {
        using var c = new HostileCase();
        c.Write("index.md", "---\ntitle: Buch\nchapters:\n  - one.md\n  - ../secret/canary.txt\n---\n\nVorwort.\n");
        c.Write("one.md", "# Eins\n\nErstes Kapitel.\n");
        var o = await c.BuildAsync("index.md", "--no-pdf");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "index.md", 5);
        Assert.True(File.Exists(Path.Combine(c.Output, "one.html")));
    }

    [Fact]
    public async Task Index_md_that_is_a_link_out_of_the_project_folder_is_refused()
    {
        using var c = new HostileCase();
        File.CreateSymbolicLink(Path.Combine(c.Project, "index.md"), c.Secret);
        var o = await c.RunAsync(["build", c.Project, "-o", c.Output, "--cache-dir", c.Cache, "--no-pdf"]);
        c.AssertContained(o);
        Assert.Equal(1, o.ExitCode);
        Assert.Contains($"error {DiagnosticIds.PathOutsideProject}", o.Printed);
    }

    [Fact]
    public async Task Legacy_include_of_an_outside_file_is_refused_at_the_include()
    {
        using var c = new HostileCase();
        c.Write("article.xml", "<article title=\"Alt\">\n<include file=\"ch.xml\"/>\n<include file=\"../secret/canary.txt\"/>\n</article>\n");
        c.Write("ch.xml", "<chapter title=\"Kapitel\">\n<p>Hallo.</p>\n</chapter>\n");
        var o = await c.BuildAsync("article.xml", "--no-pdf");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "article.xml", 3);
    }

    [Theory]
    [InlineData("../secret/canary.txt")]
    [InlineData("ABSOLUTE")]
    public async Task Legacy_css_file_outside_is_refused_with_doc_css(string file)
    {
        using var c = new HostileCase();
        if (file == "ABSOLUTE") file = c.Secret;
        c.Write("article.xml", $"<article title=\"Alt\">\n<include file=\"ch.xml\"/>\n<css file=\"{file}\"/>\n</article>\n");
        c.Write("ch.xml", "<chapter title=\"Kapitel\">\n<p>Hallo.</p>\n</chapter>\n");
        var o = await c.BuildAsync("article.xml", "--no-pdf", "--doc-css");
        AssertRefused(c, o, DiagnosticIds.PathOutsideProject, "article.xml", 3);
    }

    [Fact]
    public async Task Output_folder_that_is_a_link_elsewhere_is_refused()
    {
        using var c = new HostileCase();
        c.Write("index.md", "# Fine\n\nNothing here.\n");
        var elsewhere = Path.Combine(c.Root, "secret");
        var link = Path.Combine(c.Root, "linked-out");
        Directory.CreateSymbolicLink(link, elsewhere);
        var before = Directory.GetFileSystemEntries(elsewhere).Order().ToList();
        var o = await c.RunAsync(["build", Path.Combine(c.Project, "index.md"), "-o", link, "--cache-dir", c.Cache, "--no-pdf"]);
        Assert.Equal(2, o.ExitCode);
        Assert.Contains($"error {DiagnosticIds.OutputRefused}", o.Printed);
        Assert.Equal(before, Directory.GetFileSystemEntries(elsewhere).Order().ToList());
        c.AssertContained(o);
    }

    [Fact]
    public async Task Output_folder_that_is_the_project_itself_is_refused_and_the_project_survives()
    {
        using var c = new HostileCase();
        var index = c.Write("index.md", "# Fine\n\nNothing here.\n");
        var o = await c.RunAsync(["build", index, "-o", c.Project, "--cache-dir", c.Cache, "--no-pdf"]);
        Assert.Equal(2, o.ExitCode);
        Assert.Contains($"error {DiagnosticIds.OutputRefused}", o.Printed);
        Assert.True(File.Exists(index));
        var parent = await c.RunAsync(["build", index, "-o", c.Root, "--cache-dir", c.Cache, "--no-pdf"]);
        Assert.Equal(2, parent.ExitCode);
        Assert.True(File.Exists(c.Secret));
    }

    [Fact]
    public async Task Root_option_admits_a_shared_file_beside_the_document_folder()
    {
        using var c = new HostileCase();
        c.Write("shared/style.css", "body { color: #123; }\n");
        c.Write("article/index.md", "---\ntitle: Geteilt\ncss: ../shared/style.css\n---\n\nText.\n");
        var refused = await c.BuildAsync("article/index.md", "--no-pdf");
        AssertRefused(c, refused, DiagnosticIds.PathOutsideProject, "index.md", 3);
        var admitted = await c.BuildAsync("article/index.md", "--no-pdf", "--root", c.Project);
        Assert.Equal(0, admitted.ExitCode);
        Assert.Contains("#123", File.ReadAllText(Path.Combine(c.Output, "article.css")));
        c.AssertContained(admitted);
    }

    [Fact]
    public async Task Image_named_above_the_page_folder_is_not_copied_above_the_output()
    {
        using var c = new HostileCase();
        c.Write("images/a.png", "not really a png");
        c.Write("book/index.md", "---\ntitle: Oben\n---\n\n![a](../images/a.png)\n");
        var o = await c.BuildAsync("book/index.md", "--no-pdf", "--root", c.Project);
        c.AssertContained(o);
        Assert.Contains($"warning {DiagnosticIds.OutputNameRefused}", o.Printed);
        Assert.False(File.Exists(Path.Combine(c.Root, "images", "a.png")));
    }

    [Fact]
    public async Task Parity_with_a_root_refuses_a_pdf_outside_it()
    {
        using var c = new HostileCase();
        var html = c.Write("site/index.html", "<!DOCTYPE html><html><body><p>x</p></body></html>\n");
        File.CreateSymbolicLink(Path.Combine(c.Project, "site", "doc.pdf"), c.Secret);
        var o = await c.RunAsync(["parity", html, Path.Combine(c.Project, "site", "doc.pdf"), "--root", c.Project]);
        Assert.Equal(2, o.ExitCode);
        Assert.Contains("outside the root", o.Printed);
        c.AssertContained(o);
    }
}
