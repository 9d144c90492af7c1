using Bookish.Diagnostics;
using Xunit;

namespace Bookish.Tests.Diagnostics;

/// <summary>GitHub annotations land on a pull request's files only with paths relative to the repository.</summary>
public sealed class RepoPathTests : IDisposable
{
    private readonly string _repo = Directory.CreateTempSubdirectory("bookish-repo-").FullName;

    public void Dispose() => Directory.Delete(_repo, true);

    [Fact]
    public void A_file_is_named_relative_to_the_folder_holding_dot_git()
    {
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        var file = Path.Combine(_repo, "content", "article", "index.md");
        Assert.Equal("content/article/index.md", RepoPath.Relative(file, workspace: null));
    }

    [Fact]
    public void GitHubs_workspace_wins_over_the_git_folder()
    {
        Directory.CreateDirectory(Path.Combine(_repo, "content", ".git"));
        var file = Path.Combine(_repo, "content", "article", "index.md");
        Assert.Equal("content/article/index.md", RepoPath.Relative(file, workspace: _repo));
    }

    [Fact]
    public void A_file_outside_the_repository_keeps_its_path()
    {
        var outside = Path.Combine(Path.GetTempPath(), "elsewhere.md");
        Assert.Equal(outside, RepoPath.Relative(outside, workspace: Path.Combine(_repo, "sub")));
    }

    [Fact]
    public void The_github_annotation_of_a_diagnostic_uses_the_relative_path()
    {
        Directory.CreateDirectory(Path.Combine(_repo, ".git"));
        var file = Path.Combine(_repo, "content", "index.md");
        var line = DiagnosticFormatter.GitHub(Diagnostic.Error(DiagnosticIds.ParityDifference, Bookish.Text.SourceSpan.At(file, 12, 1), "HTML and PDF differ"));
        if (Environment.GetEnvironmentVariable("GITHUB_WORKSPACE") is null) Assert.StartsWith("::error file=content/index.md,line=12,", line);
        else Assert.Contains("line=12", line);
    }
}
