using System.Net;
using System.Text;
using System.Text.Json;
using Bookish.Diagnostics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Bookish.Cli.Serve;

/// <summary>
/// The HTTP side of <c>bookish serve</c> (Kestrel): pages from the session's snapshot with the live-reload script and
/// overlay injected, the files they use straight from the project, the background PDF, the event stream, the state as
/// JSON, and a read-only view of a source file at a line (for the overlay's file:line links). Bound to loopback unless
/// told otherwise; when on loopback it answers only requests addressed to localhost (no DNS rebinding).
/// </summary>
internal sealed class ServeServer(ServeSession session, LiveEvents events, string templates)
{
    private const string Prefix = "/__bookish/";
    private static readonly FileExtensionContentTypeProvider ContentTypes = new();
    private bool _loopbackOnly = true;

    /// <summary>Starts listening; throws <see cref="IOException"/> when the address is in use.</summary>
    public async Task<WebApplication> StartAsync(IPAddress address, int port, CancellationToken ct)
    {
        _loopbackOnly = IPAddress.IsLoopback(address);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ApplicationName = "bookish" });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.Configure<ConsoleLifetimeOptions>(o => o.SuppressStatusMessages = true);
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Listen(address, port);
        });
        builder.WebHost.UseUrls();
        var app = builder.Build();
        app.Run(ctx => HandleAsync(ctx, app.Lifetime.ApplicationStopping));
        await app.StartAsync(ct);
        return app;
    }

    private async Task HandleAsync(HttpContext ctx, CancellationToken stopping)
    {
        var response = ctx.Response;
        response.Headers.CacheControl = "no-store";
        if (_loopbackOnly && ctx.Request.Host.Host is not ("127.0.0.1" or "localhost" or "[::1]" or "::1"))
        {
            await Text(response, 403, "bookish serve answers only requests to localhost");
            return;
        }
        if (!HttpMethods.IsGet(ctx.Request.Method) && !HttpMethods.IsHead(ctx.Request.Method))
        {
            await Text(response, 405, "bookish serve only reads");
            return;
        }
        var path = Uri.UnescapeDataString(ctx.Request.Path.Value ?? "/");
        if (path.StartsWith(Prefix, StringComparison.Ordinal))
        {
            await ServeOwnAsync(ctx, path[Prefix.Length..], stopping);
            return;
        }
        var name = path.TrimStart('/');
        var snapshot = session.Snapshot;
        if (name.Length == 0) name = snapshot.Files.ContainsKey("index.html") || snapshot.PageVersions.Count == 0 ? "index.html" : snapshot.PageVersions.Keys.First() + ".html";
        if (!name.Contains('.') && snapshot.Files.ContainsKey(name + ".html")) name += ".html";

        if (name.EndsWith(".html", StringComparison.Ordinal) && (snapshot.Files.TryGetValue(name, out var html) || snapshot.Version == 0 || !snapshot.Built && snapshot.Files.Count == 0))
        {
            var page = name[..^5];
            var body = html ?? Encoding.UTF8.GetBytes($"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Building…</title></head><body><p>{(snapshot.Version == 0 ? "Building…" : "Nothing built yet.")}</p></body></html>");
            await Bytes(response, "text/html; charset=utf-8", Inject(body, page, snapshot.PageVersions.GetValueOrDefault(page)));
            return;
        }
        if (snapshot.Files.TryGetValue(name, out var generated))
        {
            await Bytes(response, TypeOf(name), generated);
            return;
        }
        if (snapshot.Copies.TryGetValue(name, out var source) && File.Exists(source))
        {
            await Bytes(response, TypeOf(name), await File.ReadAllBytesAsync(source, ctx.RequestAborted));
            return;
        }
        if (snapshot.PdfName == name && session.Pdf.Bytes is { } pdf)
        {
            await Bytes(response, "application/pdf", pdf);
            return;
        }
        await Text(response, 404, snapshot.PdfName == name ? $"the PDF is not ready yet ({session.Pdf.State})" : $"not found: {name}");
    }

    /// <summary>The live-reload snippet before <c>&lt;/body&gt;</c> (only when serving; a build's pages never hold it).</summary>
    internal static byte[] Inject(byte[] html, string page, int version)
    {
        var snippet = Encoding.UTF8.GetBytes(
            $"<link rel=\"stylesheet\" href=\"{Prefix}live.css\"><script src=\"{Prefix}live.js\" data-page=\"{WebUtility.HtmlEncode(page)}\" data-version=\"{version}\" defer></script>\n");
        var end = html.AsSpan().LastIndexOf("</body>"u8);
        if (end < 0) end = html.Length;
        return [.. html.AsSpan(0, end), .. snippet, .. html.AsSpan(end)];
    }

    private async Task ServeOwnAsync(HttpContext ctx, string what, CancellationToken stopping)
    {
        switch (what)
        {
            case "events":
                await EventsAsync(ctx, stopping);
                break;
            case "state":
                await Bytes(ctx.Response, "application/json", JsonSerializer.SerializeToUtf8Bytes(State(), ServeJson.Default.ServeState));
                break;
            case "live.js":
            case "live.css":
                var file = Path.Combine(templates, what == "live.js" ? "serve.js" : "serve.css");
                await Bytes(ctx.Response, TypeOf(what), await File.ReadAllBytesAsync(file, ctx.RequestAborted));
                break;
            case "source":
                var (status, page) = SourceView.Render(session.Builder.Root, ctx.Request.Query["path"].ToString(), int.TryParse(ctx.Request.Query["line"], out var line) ? line : 0);
                ctx.Response.StatusCode = status;
                await Bytes(ctx.Response, "text/html; charset=utf-8", Encoding.UTF8.GetBytes(page));
                break;
            default:
                await Text(ctx.Response, 404, "not found");
                break;
        }
    }

    /// <summary>Server-Sent Events: the current state at once, then every build and PDF event, a comment every 15 s.</summary>
    private async Task EventsAsync(HttpContext ctx, CancellationToken stopping)
    {
        var response = ctx.Response;
        response.ContentType = "text/event-stream";
        response.Headers["X-Accel-Buffering"] = "no";
        var channel = events.Subscribe();
        using var done = CancellationTokenSource.CreateLinkedTokenSource(ctx.RequestAborted, stopping);
        try
        {
            var s = session.Snapshot;
            await response.WriteAsync($"retry: 500\n\nevent: hello\ndata: {JsonSerializer.Serialize(new ServeHello(s.Version), ServeJson.Default.ServeHello)}\n\n", done.Token);
            await response.Body.FlushAsync(done.Token);
            while (!done.IsCancellationRequested)
            {
                using var beat = CancellationTokenSource.CreateLinkedTokenSource(done.Token);
                beat.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    await channel.Reader.WaitToReadAsync(beat.Token);
                    while (channel.Reader.TryRead(out var message)) await response.WriteAsync(message, done.Token);
                }
                catch (OperationCanceledException) when (!done.IsCancellationRequested)
                {
                    await response.WriteAsync(": still here\n\n", done.Token);
                }
                await response.Body.FlushAsync(done.Token);
            }
        }
        catch (OperationCanceledException) { }
        catch (IOException) { }
        finally { events.Unsubscribe(channel); }
    }

    /// <summary>What the page's script shows: build version, page versions, diagnostics with links, the PDF's state.</summary>
    internal ServeState State()
    {
        var s = session.Snapshot;
        var pdf = session.Pdf;
        var root = session.Builder.Root.Path;
        var cwd = Directory.GetCurrentDirectory();
        var diagnostics = session.Diagnostics().Where(d => d.Severity != Severity.Info).Take(200).Select(d =>
        {
            var full = d.Span.Path.Length > 0 ? Path.GetFullPath(d.Span.Path) : "";
            var inProject = full.Length > 0 && (full + "/").StartsWith(root.TrimEnd('/') + "/", StringComparison.Ordinal);
            var shown = full.Length == 0 ? "" : Path.GetRelativePath(cwd, full);
            return new ServeProblem(
                DiagnosticFormatter.Word(d.Severity),
                d.Id,
                d.Message,
                d.Span.IsNone ? shown : $"{shown}:{d.Span.Line}:{d.Span.Column}",
                d.Span.Line,
                inProject && File.Exists(full)
                    ? $"{Prefix}source?path={Uri.EscapeDataString(Path.GetRelativePath(root, full))}&line={d.Span.Line}#L{d.Span.Line}"
                    : null);
        }).ToList();
        if (session.InternalError is { } bug)
            diagnostics.Insert(0, new ServeProblem("error", "bookish", bug + "; the last good page stays", "", 0, null));
        return new ServeState(s.Version, s.Built, s.PageVersions, s.Rebuilt, Math.Round(s.Elapsed.TotalMilliseconds), Math.Round(s.Cpu.TotalMilliseconds),
            s.Equations, s.NewEquations, diagnostics,
            new ServePdf(pdf.State, pdf.Bytes is null || s.PdfName is null ? null : "/" + Uri.EscapeDataString(s.PdfName), pdf.ForVersion == s.Version,
                pdf.Message, Math.Round(pdf.Elapsed.TotalSeconds, 1)));
    }

    private static string TypeOf(string name) => ContentTypes.TryGetContentType(name, out var type)
        ? type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("javascript", StringComparison.Ordinal) ? type + "; charset=utf-8" : type
        : "application/octet-stream";

    private static async Task Bytes(HttpResponse response, string type, byte[] bytes)
    {
        response.ContentType = type;
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(response.HttpContext.Request.Method)) await response.Body.WriteAsync(bytes);
    }

    private static Task Text(HttpResponse response, int status, string text)
    {
        response.StatusCode = status;
        return Bytes(response, "text/plain; charset=utf-8", Encoding.UTF8.GetBytes(text + "\n"));
    }
}
