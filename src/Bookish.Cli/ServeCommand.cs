using System.CommandLine;
using System.Net;
using System.Net.Sockets;
using Bookish.Cli.Serve;
using Bookish.Equations;
using Bookish.Publishing;
using Bookish.Serving;

namespace Bookish.Cli;

/// <summary><c>bookish serve [input]</c>: a local preview server that rebuilds on save and reloads the open page.</summary>
internal static partial class BookishCommand
{
    private static Command ServeCommand()
    {
        var input = InputArgument("A Markdown file, a folder holding index.md, or a bookish XML root file (default: the current folder)");
        input.Arity = ArgumentArity.ZeroOrOne;
        input.DefaultValueFactory = _ => ".";
        var port = new Option<int>("--port", "-p") { Description = "Port to listen on (default 3000; 0: any free port)", DefaultValueFactory = _ => 3000 };
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 opens it to the network)", DefaultValueFactory = _ => "127.0.0.1" };
        var noPdf = new Option<bool>("--no-pdf") { Description = "Do not typeset the PDF in the background" };
        var cacheDir = new Option<string?>("--cache-dir") { Description = "Equation cache folder (default: .bookish-cache)" };
        var engine = new Option<string>("--math-engine") { Description = "dvi (default), pdflatex or dvisvgm", DefaultValueFactory = _ => "dvi" };
        engine.AcceptOnlyFromAmong("dvi", "pdflatex", "dvisvgm");
        var font = new Option<string>("--math-font") { Description = "cm (default), palatino or times", DefaultValueFactory = _ => "cm" };
        font.AcceptOnlyFromAmong("cm", "palatino", "times");
        var projectRoot = RootOption();
        var cmd = new Command("serve", "Preview a document in the browser: rebuild on save, reload the page (keeping its scroll position), show errors over it, typeset the PDF in the background")
            { input, port, host, noPdf, cacheDir, engine, font, projectRoot, UnsafeNoSandbox, TexTimeout, PdfTimeout };
        cmd.SetAction(async (parse, ct) =>
        {
            if (!ValidTimeouts(parse)) return ExitCodes.Usage;
            var portNumber = parse.GetValue(port);
            if (portNumber is < 0 or > 65535)
            {
                Console.Error.WriteLine("bookish: --port takes a number from 0 to 65535");
                return ExitCodes.Usage;
            }
            if (Address(parse.GetValue(host)!) is not { } address)
            {
                Console.Error.WriteLine($"bookish: --host '{parse.GetValue(host)}' is not an IP address or 'localhost'");
                return ExitCodes.Usage;
            }
            var options = new BuildOptions(parse.GetValue(input)!)
            {
                TexTimeout = TimeSpan.FromSeconds(parse.GetValue(TexTimeout)),
                PdfTimeout = TimeSpan.FromSeconds(parse.GetValue(PdfTimeout)),
                CacheDirectory = parse.GetValue(cacheDir),
                Engine = parse.GetValue(engine) switch { "dvisvgm" => MathEngine.LatexDvisvgm, "pdflatex" => MathEngine.PdfLatexMutool, _ => MathEngine.LatexDvi },
                MathFont = parse.GetValue(font)!,
                Root = parse.GetValue(projectRoot),
            };
            return await ServeAsync(options, address, portNumber, !parse.GetValue(noPdf), ct);
        });
        return cmd;
    }

    private static IPAddress? Address(string host) =>
        host == "localhost" ? IPAddress.Loopback : IPAddress.TryParse(host.Trim('[', ']'), out var a) ? a : null;

    private static async Task<int> ServeAsync(BuildOptions options, IPAddress address, int port, bool pdf, CancellationToken ct)
    {
        var builder = new LiveBuilder(options);
        var events = new LiveEvents();
        var session = new ServeSession(builder, events, pdf, Console.Error);
        var server = new ServeServer(session, events, builder.TemplatesFolder);
        Microsoft.AspNetCore.Builder.WebApplication app;
        try { app = await server.StartAsync(address, port, ct); }
        catch (IOException e) when (e.InnerException is SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } || e.Message.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine($"bookish: port {port} on {address} is already in use (another serve?); choose another with --port N, or --port 0 for any free port");
            return ExitCodes.Usage;
        }
        catch (SocketException e)
        {
            Console.Error.WriteLine($"bookish: cannot listen on {address}:{port}: {e.Message}");
            return ExitCodes.Usage;
        }
        var bound = app.Urls.FirstOrDefault() ?? $"http://{address}:{port}";
        var url = new Uri(bound.Replace("0.0.0.0", "127.0.0.1").Replace("[::]", "[::1]"));
        // One line on standard output that tools (and tests) read; everything else goes to standard error.
        Console.Out.WriteLine($"bookish: serving {url.Scheme}://{(IPAddress.IsLoopback(address) ? "127.0.0.1" : url.Host)}:{url.Port}/");
        Console.Out.Flush();
        if (!IPAddress.IsLoopback(address))
            Console.Error.WriteLine($"bookish: warning: listening on {address}, reachable from other machines; the preview shows every file of the project it names");
        using var watcher = new SiteWatcher([builder.Root.Path, builder.TemplatesFolder],
            [Path.Combine(Directory.GetCurrentDirectory(), "output"), options.CacheDirectory ?? Publisher.DefaultCacheDirectory]);
        var stopping = app.Lifetime.ApplicationStopping;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, stopping);
        try
        {
            await session.RunAsync(watcher, stop.Token);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
            await app.DisposeAsync();
        }
        Console.Error.WriteLine("bookish: stopped");
        return ExitCodes.Success;
    }
}
