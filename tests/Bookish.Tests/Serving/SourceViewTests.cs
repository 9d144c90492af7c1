using Bookish.Cli.Serve;
using Bookish.Security;

namespace Bookish.Tests.Serving;

/// <summary>The overlay's source view shows project files only: never a file outside, behind a link, or hidden.</summary>
public sealed class SourceViewTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-source-view-").FullName;
    private readonly string _outside = Directory.CreateTempSubdirectory("bookish-source-outside-").FullName;

    public SourceViewTests()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "project"));
        File.WriteAllText(Path.Combine(_dir, "project", "index.md"), "# Title\n\nSee <script>alert(1)</script> and $x$.\n");
        File.WriteAllText(Path.Combine(_dir, "project", ".env"), "TOKEN=project-secret");
        File.WriteAllText(Path.Combine(_outside, "secret.txt"), "TOKEN=outside-secret");
        File.WriteAllText(Path.Combine(_dir, "sibling.txt"), "TOKEN=sibling-secret");
        File.CreateSymbolicLink(Path.Combine(_dir, "project", "notes.md"), Path.Combine(_dir, "project", ".env"));
        File.CreateSymbolicLink(Path.Combine(_dir, "project", "data.md"), Path.Combine(_outside, "secret.txt"));
    }

    private ProjectRoot Root => new(Path.Combine(_dir, "project"));

    [Fact]
    public void A_project_file_is_shown_escaped_with_its_line_marked()
    {
        var (status, html) = SourceView.Render(Root, "index.md", 3);
        Assert.Equal(200, status);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("<script>alert(1)", html);
        Assert.Contains("id=\"L3\" class=\"line here\"", html);
    }

    [Theory]
    [InlineData("../sibling.txt")]
    [InlineData("data.md")]        // a link to a file outside the project
    [InlineData(".env")]
    [InlineData("notes.md")]       // a link inside the project to a hidden file
    [InlineData("/etc/passwd")]
    [InlineData("")]
    public void Nothing_outside_behind_a_link_or_hidden_is_shown(string path)
    {
        var (status, html) = SourceView.Render(Root, path, 1);
        Assert.Equal(404, status);
        Assert.DoesNotContain("secret", html);
        Assert.DoesNotContain("root:", html);
    }

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        Directory.Delete(_outside, true);
    }
}
