using Bookish.Security;

namespace Bookish.Tests.Security;

/// <summary>The one "resolve inside the project" helper: real paths, links followed, nothing outside the root readable.</summary>
public sealed class ProjectRootTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-root-test-").FullName;
    private string Project => Path.Combine(_dir, "project");
    private string Secret => Path.Combine(_dir, "secret", "key.txt");

    public ProjectRootTests()
    {
        Directory.CreateDirectory(Path.Combine(Project, "images"));
        Directory.CreateDirectory(Path.GetDirectoryName(Secret)!);
        File.WriteAllText(Secret, "s3cr3t");
        File.WriteAllText(Path.Combine(Project, "images", "plot.png"), "png");
    }

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void A_file_below_the_root_is_inside()
    {
        var r = new ProjectRoot(Project).Resolve(Project, "images/plot.png");
        Assert.Equal(PathStatus.Inside, r.Status);
        Assert.Equal(Path.Combine(Project, "images", "plot.png"), r.RealPath);
    }

    [Theory]
    [InlineData("../secret/key.txt")]
    [InlineData("images/../../secret/key.txt")]
    [InlineData("./images/../../secret/key.txt")]
    public void Dot_dot_out_of_the_root_is_outside(string written)
    {
        var r = new ProjectRoot(Project).Resolve(Project, written);
        Assert.Equal(PathStatus.Outside, r.Status);
        Assert.Contains("outside the project", r.Explain("image"));
    }

    [Fact]
    public void An_absolute_path_elsewhere_is_outside()
    {
        Assert.Equal(PathStatus.Outside, new ProjectRoot(Project).Resolve(Project, Secret).Status);
        Assert.Equal(PathStatus.Outside, new ProjectRoot(Project).Resolve(Project, "/proc/self/environ").Status);
    }

    [Fact]
    public void A_link_inside_the_project_to_a_file_outside_is_outside()
    {
        File.CreateSymbolicLink(Path.Combine(Project, "images", "innocent.png"), Secret);
        var r = new ProjectRoot(Project).Resolve(Project, "images/innocent.png");
        Assert.Equal(PathStatus.Outside, r.Status);
        Assert.Equal(Secret, r.RealPath);
    }

    [Fact]
    public void A_linked_folder_then_dot_dot_goes_where_the_kernel_goes()
    {
        // project/deep -> ../secret ; "deep/../secret/key.txt" lexically stays in the project, really it does not.
        Directory.CreateSymbolicLink(Path.Combine(Project, "deep"), Path.Combine(_dir, "secret"));
        Assert.Equal(PathStatus.Outside, new ProjectRoot(Project).Resolve(Project, "deep/key.txt").Status);
        Assert.Equal(PathStatus.Outside, new ProjectRoot(Project).Resolve(Project, "deep/../secret/key.txt").Status);
    }

    [Fact]
    public void A_link_that_stays_inside_is_fine()
    {
        File.CreateSymbolicLink(Path.Combine(Project, "alias.png"), "images/plot.png");
        var r = new ProjectRoot(Project).Resolve(Project, "alias.png");
        Assert.Equal(PathStatus.Inside, r.Status);
        Assert.Equal(Path.Combine(Project, "images", "plot.png"), r.RealPath);
    }

    [Fact]
    public void A_root_given_through_a_link_is_its_real_folder()
    {
        var link = Path.Combine(_dir, "link-to-project");
        Directory.CreateSymbolicLink(link, Project);
        var root = new ProjectRoot(link);
        Assert.Equal(Project, root.Path);
        Assert.Equal(PathStatus.Inside, root.Resolve(link, "images/plot.png").Status);
    }

    [Fact]
    public void A_link_loop_is_invalid_not_a_hang()
    {
        File.CreateSymbolicLink(Path.Combine(Project, "a"), Path.Combine(Project, "b"));
        File.CreateSymbolicLink(Path.Combine(Project, "b"), Path.Combine(Project, "a"));
        Assert.Equal(PathStatus.Invalid, new ProjectRoot(Project).Resolve(Project, "a").Status);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("https://example.org/x.png")]
    [InlineData("data:image/png;base64,AAAA")]
    [InlineData("a\0b")]
    public void Unusable_names_are_invalid(string written) =>
        Assert.Equal(PathStatus.Invalid, new ProjectRoot(Project).Resolve(Project, written).Status);

    [Fact]
    public void A_missing_file_inside_is_missing_not_outside() =>
        Assert.Equal(PathStatus.Missing, new ProjectRoot(Project).Resolve(Project, "images/none.png").Status);

    [Fact]
    public void A_sibling_folder_sharing_the_prefix_is_outside()
    {
        Directory.CreateDirectory(Project + "-evil");
        File.WriteAllText(Path.Combine(Project + "-evil", "x.css"), "x");
        Assert.Equal(PathStatus.Outside, new ProjectRoot(Project).Resolve(Project, "../project-evil/x.css").Status);
    }

    [Fact]
    public void A_wider_root_admits_a_shared_folder_beside_the_document()
    {
        Directory.CreateDirectory(Path.Combine(Project, "chapters"));
        File.WriteAllText(Path.Combine(Project, "refs.bib"), "@book{x, title={T}}");
        var r = new ProjectRoot(Project).Resolve(Path.Combine(Project, "chapters"), "../refs.bib");
        Assert.Equal(PathStatus.Inside, r.Status);
    }
}
