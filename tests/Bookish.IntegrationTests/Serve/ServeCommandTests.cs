using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using Bookish.IntegrationTests.Support;
using UglyToad.PdfPig;

namespace Bookish.IntegrationTests.Serve;

/// <summary>One equation cache for the serve tests, so each serve renders only what it has not seen.</summary>
public sealed class ServeCache : IDisposable
{
    public string Folder { get; } = Repo.TempDirectory("bookish-serve-cache-");
    public void Dispose() { try { Directory.Delete(Folder, true); } catch (IOException) { } }
}

/// <summary>
/// <c>bookish serve</c> as a process against a temporary project (real TeX): rebuilds on save, keeps serving through
/// bad input (deleted document, half-written save, two saves in 10 ms, a new chapter, a TeX error) and recovers on the
/// next good save; the PDF in the background; port in use; loopback only; Ctrl-C.
/// </summary>
public sealed class ServeCommandTests(ServeCache cache) : IClassFixture<ServeCache>
{
    private const string Article = """
        ---
        title: Gradients on a napkin
        author: Dana Okafor
        ---

        # Why bother

        The gradient $\nabla f$ points uphill — every café owner who has pushed a cart knows the feeling.

        $$
        f(x, y) = x^2 + 3xy
        $$

        Its partial derivatives are $\partial f/\partial x = 2x + 3y$ and $\partial f/\partial y = 3x$.

        """;

    private static string Project(string markdown, string name = "index.md")
    {
        var dir = Repo.TempDirectory("bookish-serve-");
        File.WriteAllText(Path.Combine(dir, name), markdown);
        return dir;
    }

    private Task<ServeProcess> ServeAsync(string dir, params string[] extra) =>
        ServeProcess.StartAsync(dir, dir, cache.Folder, ["--no-pdf", .. extra]);

    private static int Version(JsonElement state) => state.GetProperty("version").GetInt32();

    [Fact(Timeout = 240_000)]
    public async Task A_saved_paragraph_edit_is_served_and_announced_on_the_event_stream()
    {
        var dir = Project(Article);
        await using var serve = await ServeAsync(dir);
        var first = await serve.BuiltAsync();
        Assert.Contains("points uphill", await serve.PageAsync());

        using var events = await serve.Http.GetStreamAsync(new Uri(serve.Url, "/__bookish/events"));
        using var reader = new StreamReader(events);
        Assert.Equal("retry: 500", await reader.ReadLineAsync());

        File.WriteAllText(Path.Combine(dir, "index.md"), Article.Replace("points uphill", "points steeply uphill"));
        string? line;
        do line = await reader.ReadLineAsync(); while (line is not null && line != "event: build");
        Assert.Equal("event: build", line);
        var state = await serve.WaitForAsync(s => Version(s) > Version(first), "the rebuild");
        Assert.Contains("points steeply uphill", await serve.PageAsync());
        Assert.Equal(0, state.GetProperty("newEquations").GetInt32());
        Assert.Contains("/__bookish/live.js", await serve.PageAsync("/index.html"));
    }

    [Fact(Timeout = 240_000)]
    public async Task A_deleted_document_keeps_the_last_good_page_and_comes_back_when_restored()
    {
        var dir = Project(Article);
        var path = Path.Combine(dir, "index.md");
        await using var serve = await ServeAsync(dir);
        await serve.BuiltAsync();

        File.Move(path, Path.Combine(dir, "renamed.md"));
        var gone = await serve.WaitForAsync(s => ServeProcess.Errors(s).Any(), "an error for the missing document");
        Assert.False(gone.GetProperty("built").GetBoolean());
        Assert.Contains("points uphill", await serve.PageAsync());

        File.WriteAllText(path, Article.Replace("uphill", "up the hill"));
        await serve.WaitForAsync(s => s.GetProperty("built").GetBoolean() && !ServeProcess.Errors(s).Any(), "the document back");
        Assert.Contains("points up the hill", await serve.PageAsync());
        Assert.False(serve.HasExited);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_half_written_save_shows_its_error_and_the_complete_save_clears_it()
    {
        var dir = Project(Article);
        var path = Path.Combine(dir, "index.md");
        await using var serve = await ServeAsync(dir);
        await serve.BuiltAsync();

        // The editor wrote only the first part: the display equation is cut off after its opening $$.
        var cut = Article.IndexOf("f(x, y)", StringComparison.Ordinal);
        File.WriteAllText(path, Article[..cut]);
        var broken = await serve.WaitForAsync(s => ServeProcess.Errors(s).Any(), "an error for the cut-off equation");
        Assert.Contains(ServeProcess.Errors(broken), d => d.GetProperty("where").GetString()!.Contains("index.md:"));

        File.WriteAllText(path, Article);
        await serve.WaitForAsync(s => s.GetProperty("built").GetBoolean() && !ServeProcess.Errors(s).Any(), "the error gone");
        Assert.Contains("3xy", WebUtility.HtmlDecode(await serve.PageAsync()).Replace(" ", ""), StringComparison.Ordinal);
    }

    [Fact(Timeout = 240_000)]
    public async Task Two_saves_ten_milliseconds_apart_end_with_the_second()
    {
        var dir = Project(Article);
        var path = Path.Combine(dir, "index.md");
        await using var serve = await ServeAsync(dir);
        var before = Version(await serve.BuiltAsync());

        File.WriteAllText(path, Article.Replace("uphill", "north-east"));
        await Task.Delay(10);
        File.WriteAllText(path, Article.Replace("uphill", "towards the summit"));
        await serve.WaitForAsync(s => Version(s) > before, "a rebuild");
        await Task.Delay(1000);
        var page = await serve.PageAsync();
        Assert.Contains("towards the summit", page);
        Assert.DoesNotContain("north-east", page);
        Assert.InRange(Version(await serve.StateAsync()) - before, 1, 3);
    }

    [Fact(Timeout = 240_000)]
    public async Task A_chapter_added_to_the_front_matter_gets_its_page_and_a_chapter_edit_rebuilds_only_that_page()
    {
        var dir = Repo.TempDirectory("bookish-serve-book-");
        File.WriteAllText(Path.Combine(dir, "index.md"), "---\ntitle: Field notes\nchapters: [one.md]\n---\n\nA short book.\n");
        File.WriteAllText(Path.Combine(dir, "one.md"), "# Slopes\n\nA slope $m = \\Delta y / \\Delta x$ is rise over run.\n");
        await using var serve = await ServeAsync(dir);
        var first = await serve.BuiltAsync();

        File.WriteAllText(Path.Combine(dir, "two.md"), "# Curvature\n\nCurvature $\\kappa$ says how fast the slope turns.\n");
        File.WriteAllText(Path.Combine(dir, "index.md"), "---\ntitle: Field notes\nchapters: [one.md, two.md]\n---\n\nA short book.\n");
        var state = await serve.WaitForAsync(s => s.GetProperty("pages").TryGetProperty("two", out _), "the new chapter's page");
        Assert.Contains("how fast the slope turns", await serve.PageAsync("/two.html"));
        // Let late events of those two saves (a busy machine delivers them apart) settle before the chapter edit.
        state = await SettledAsync(serve);

        File.WriteAllText(Path.Combine(dir, "two.md"), "# Curvature\n\nCurvature $\\kappa$ says how quickly the slope turns.\n");
        state = await serve.WaitForAsync(s => Version(s) > Version(state), "the chapter rebuilt");
        Assert.Equal(new[] { "two" }, state.GetProperty("rebuilt").EnumerateArray().Select(e => e.GetString()!).ToArray());
        Assert.Contains("how quickly the slope turns", await serve.PageAsync("/two.html"));
        Assert.Contains("rise over run", await serve.PageAsync("/one.html"));
    }

    /// <summary>The state once no rebuild has happened for a second.</summary>
    private static async Task<JsonElement> SettledAsync(ServeProcess serve)
    {
        var state = await serve.StateAsync();
        while (true)
        {
            await Task.Delay(1000);
            var now = await serve.StateAsync();
            if (Version(now) == Version(state)) return now;
            state = now;
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task A_TeX_error_is_reported_at_its_line_with_a_source_link_and_the_fix_clears_it()
    {
        var dir = Project(Article);
        var path = Path.Combine(dir, "index.md");
        await using var serve = await ServeAsync(dir);
        var first = await serve.BuiltAsync();

        File.WriteAllText(path, Article.Replace("x^2 + 3xy", @"\frac{x^2 + 3xy"));
        var broken = await serve.WaitForAsync(s => ServeProcess.Errors(s).Any(), "the TeX error");
        var error = ServeProcess.Errors(broken).First();
        Assert.Equal("BK2001", error.GetProperty("id").GetString());
        var line = error.GetProperty("line").GetInt32();
        Assert.Contains(@"\frac", string.Concat(File.ReadAllLines(path).Skip(line - 1).Take(3)));
        var source = await serve.PageAsync(error.GetProperty("href").GetString()!);
        Assert.Contains($"id=\"L{line}\" class=\"line here\"", source);
        Assert.Contains("! ", error.GetProperty("message").GetString());
        Assert.Contains("serve", serve.Stderr);

        File.WriteAllText(path, Article);
        await serve.WaitForAsync(s => Version(s) > Version(broken) && !ServeProcess.Errors(s).Any(), "the error cleared");
    }

    [Fact(Timeout = 240_000)]
    public async Task The_PDF_is_typeset_in_the_background_and_served_when_ready()
    {
        var dir = Project(Article);
        await using var serve = await ServeProcess.StartAsync(dir, dir, cache.Folder);
        var built = await serve.BuiltAsync();
        Assert.NotEqual("ready", built.GetProperty("pdf").GetProperty("state").GetString());
        var ready = await serve.WaitForAsync(s => s.GetProperty("pdf").GetProperty("state").GetString() == "ready", "the PDF", 180);
        var bytes = await serve.Http.GetByteArrayAsync(new Uri(serve.Url, ready.GetProperty("pdf").GetProperty("href").GetString()));
        using var pdf = PdfDocument.Open(bytes);
        Assert.Contains("uphill", string.Join(" ", pdf.GetPages().SelectMany(p => p.GetWords()).Select(w => w.Text)));
    }

    [Fact(Timeout = 120_000)]
    public async Task A_port_in_use_is_a_clear_message_naming_the_port_option()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;
        var dir = Project(Article);
        var result = await BookishProcess.RunAsync(["serve", dir, "--port", port.ToString(), "--no-pdf", "--cache-dir", cache.Folder], dir);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"port {port}", result.StandardError);
        Assert.Contains("already in use", result.StandardError);
        Assert.Contains("--port", result.StandardError);
    }

    [Fact(Timeout = 240_000)]
    public async Task It_listens_on_loopback_only_and_refuses_other_host_names()
    {
        var dir = Project(Article);
        await using var serve = await ServeAsync(dir);
        await serve.BuiltAsync();
        Assert.Equal("127.0.0.1", serve.Url.Host);

        using var request = new HttpRequestMessage(HttpMethod.Get, serve.Url);
        request.Headers.Host = "attacker.example";
        using var refused = await serve.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        var outward = NetworkInterface.GetAllNetworkInterfaces().SelectMany(n => n.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address).FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));
        if (outward is not null)
        {
            using var client = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => client.ConnectAsync(outward, serve.Url.Port));
        }
    }

    [Fact(Timeout = 240_000)]
    public async Task Ctrl_C_stops_it_cleanly()
    {
        var dir = Project(Article);
        var serve = await ServeAsync(dir);
        await serve.BuiltAsync();
        using var events = await serve.Http.GetStreamAsync(new Uri(serve.Url, "/__bookish/events"));

        Assert.True(await serve.InterruptAsync(TimeSpan.FromSeconds(15)), "serve did not stop within 15 s of SIGINT");
        Assert.Equal(0, serve.ExitCode);
        Assert.Contains("bookish: stopped", serve.Stderr);
        await serve.DisposeAsync();
    }
}
