using System.Text;
using Bookish.Cli.Serve;
using Bookish.Equations;
using Bookish.Publishing;
using Bookish.Serving;
using Bookish.Tests.Html;

namespace Bookish.Tests.Serving;

/// <summary>serve's incremental build over the fake math seam: what is rebuilt, what is kept, what bad input leaves.</summary>
public sealed class LiveBuilderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bookish-live-").FullName;
    private readonly CountingRenderer _math = new();

    public void Dispose() { try { Directory.Delete(_dir, true); } catch (IOException) { } }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private LiveBuilder Builder() => new(new BuildOptions(_dir) { MathRenderer = _math });

    private static string Page(LiveSnapshot s, string name) => Encoding.UTF8.GetString(s.Files[name + ".html"]);

    private void Book()
    {
        Write("index.md", "---\ntitle: Small book\nchapters: [one.md, two.md]\n---\n\nPreface with $a^2$.\n");
        Write("one.md", "# Lines\n\nA line $y = mx + c$ has slope $m$.\n");
        Write("two.md", "# Parabolas\n\nA parabola $y = x^2$ bends.\n");
    }

    [Fact]
    public async Task A_chapter_edit_rewrites_only_that_chapter_and_renders_only_its_new_equation()
    {
        Book();
        var live = Builder();
        var first = await live.RebuildAsync([], default);
        Assert.True(first.Built);
        Assert.Equal(["index", "one", "two"], first.Rebuilt);
        var one = first.Files["one.html"];

        var two = Write("two.md", "# Parabolas\n\nA parabola $y = x^2$ bends; its vertex is at $x = 0$.\n");
        var second = await live.RebuildAsync([two], default);

        Assert.Equal(["two"], second.Rebuilt);
        Assert.Same(one, second.Files["one.html"]);
        Assert.Contains("its vertex", Page(second, "two"));
        Assert.Equal(1, second.NewEquations);
        Assert.Equal(["x = 0"], _math.Last);
        Assert.Equal(first.PageVersions["one"], second.PageVersions["one"]);
        Assert.Equal(second.Version, second.PageVersions["two"]);
    }

    [Fact]
    public async Task A_new_heading_in_a_chapter_rewrites_every_page()
    {
        Book();
        var live = Builder();
        await live.RebuildAsync([], default);
        var one = Write("one.md", "# Lines\n\nA line $y = mx + c$ has slope $m$.\n\n## Intercepts\n\nWhere it meets the axis.\n");
        var next = await live.RebuildAsync([one], default);
        Assert.Equal(["index", "one", "two"], next.Rebuilt);
    }

    [Fact]
    public async Task A_deleted_document_keeps_the_last_good_pages_and_reports_why()
    {
        var path = Write("index.md", "---\ntitle: Note\n---\n\nThe slope is $m$.\n");
        var live = Builder();
        var good = await live.RebuildAsync([], default);
        File.Delete(path);

        var gone = await live.RebuildAsync([path], default);

        Assert.False(gone.Built);
        Assert.Empty(gone.Rebuilt);
        Assert.Same(good.Files["index.html"], gone.Files["index.html"]);
        Assert.Contains(gone.Diagnostics, d => d.IsError);
        Assert.True(gone.Version > good.Version);

        File.WriteAllText(path, "---\ntitle: Note\n---\n\nThe slope is $m$, again.\n");
        var back = await live.RebuildAsync([path], default);
        Assert.True(back.Built);
        Assert.DoesNotContain(back.Diagnostics, d => d.IsError);
        Assert.Contains("again", Page(back, "index"));
    }

    [Fact]
    public async Task Equations_seen_before_are_not_handed_to_the_renderer_again()
    {
        Write("index.md", "Slope $m$ and intercept $c$.\n");
        var live = Builder();
        await live.RebuildAsync([], default);
        Write("index.md", "Slope $m$, intercept $c$, and nothing new.\n");
        var next = await live.RebuildAsync([], default);
        Assert.Equal(0, next.NewEquations);
        Assert.Equal(1, _math.Calls);
    }

    [Fact]
    public void Only_the_served_page_gets_the_live_script_before_its_body_ends()
    {
        var html = "<!DOCTYPE html><html><body><p>x</p></body></html>"u8.ToArray();
        var served = Encoding.UTF8.GetString(ServeServer.Inject(html, "index", 7));
        Assert.EndsWith("</script>\n</body></html>", served);
        Assert.Contains("data-version=\"7\"", served);
        Assert.Contains("/__bookish/live.js", served);
    }

    [Theory]
    [InlineData("index.md", true)]
    [InlineData("images/plot.png", true)]
    [InlineData(".git/index", false)]
    [InlineData(".bookish-cache/ab/abcd.json", false)]
    [InlineData("index.md~", false)]
    [InlineData(".index.md.swp", false)]
    [InlineData("4913", false)]
    [InlineData("output/index.html", false)]
    public void The_watcher_ignores_hidden_files_backups_and_the_output(string relative, bool matters)
    {
        // The project sits inside a hidden folder here: only parts below the watched folder count.
        var project = Path.Combine(_dir, ".hidden-parent", "project");
        Directory.CreateDirectory(project);
        using var watcher = new SiteWatcher([project], [Path.Combine(project, "output")]);
        Assert.Equal(matters, watcher.Matters(Path.Combine(project, relative)));
    }

    private sealed class CountingRenderer : IMathRenderer
    {
        public int Calls { get; private set; }
        public IReadOnlyList<string> Last { get; private set; } = [];

        public Task<MathBatchResult> RenderAsync(IReadOnlyList<MathFragment> fragments, MathSettings settings, CancellationToken cancellationToken = default)
        {
            Calls++;
            Last = fragments.Select(f => f.Tex).ToList();
            return new FakeMathRenderer().RenderAsync(fragments, settings, cancellationToken);
        }
    }
}
