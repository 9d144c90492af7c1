using Bookish.IntegrationTests.Support;
using CliWrap;
using CliWrap.Buffered;
using Xunit;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary>
/// The launcher compiles the command to native code (Native AOT), where nothing is found by reflection at run time:
/// the native command must write byte for byte what the library (the JIT-compiled Bookish.Cli.dll) writes, for the
/// parts that read or write JSON and YAML too (front matter, the equation cache, diagnostics, derivcheck, parity).
/// </summary>
public sealed class CompiledCommandTests
{
    private const string Document = """
        ---
        title: 'Front matter: $\alpha$ and Unicode – ℝⁿ'
        author:
          - name: Ada Lovelace
            affiliation: Analytical Engines
          - Grace Hopper
        macros:
          R: "\\mathbb{R}"
        ---
        # One

        Vectors in $\R^n$, a typo $\frac{1}{$ and code:

        ```python
        def f(x):
            return x ** 2  # squared
        ```

        ```check
        declare: x scalar
        claim: \frac{d}{dx} x^3 = 3x^2
        ```
        """;

    private static async Task<BufferedCommandResult> RunAsync(string program, string[] prefix, string[] args, string dir) =>
        await CliWrap.Cli.Wrap(program).WithArguments([.. prefix, .. args]).WithWorkingDirectory(dir)
            .WithValidation(CommandResultValidation.None).ExecuteBufferedAsync();

    [Fact(Timeout = 300_000)]
    public async Task The_compiled_command_is_native_and_writes_what_the_library_writes()
    {
        var exe = BookishProcess.Compiled;
        // ./bookish test (and CI) always compiles it first; a bare `dotnet test` after a newer build has nothing to compare.
        if (exe is null && Environment.GetEnvironmentVariable("CI") is null) return;
        Assert.NotNull(exe);
        var folder = Path.GetDirectoryName(exe)!;
        // With gcc present the launcher makes native code: no runtime and no ReadyToRun image beside the program.
        if (File.Exists("/usr/bin/gcc"))
        {
            Assert.False(File.Exists(Path.Combine(folder, "libcoreclr.so")), "the command was not compiled to native code");
            Assert.False(File.Exists(Path.Combine(folder, "Bookish.Cli.r2r.dll")), "the command was not compiled to native code");
        }

        var doc = Repo.WriteDocument(Document.Replace("\r\n", "\n"));
        var dir = Path.GetDirectoryName(doc)!;
        var cache = Path.Combine(dir, "cache");
        string[] Build(string output) => ["build", doc, "-o", Path.Combine(dir, output), "--cache-dir", cache, "--format", "json"];
        // The native command fills the cache, the library reads it; then the other way round with a fresh cache.
        var native = await RunAsync(exe!, [], Build("native"), dir);
        var library = await RunAsync("dotnet", [BookishProcess.Dll], Build("library"), dir);
        Assert.Equal(1, native.ExitCode);
        Assert.Equal(native.ExitCode, library.ExitCode);
        Assert.Contains("\"id\": \"BK2001\"", native.StandardError);
        Assert.Equal(library.StandardError.Replace("library", "native"), native.StandardError);
        Assert.Equal(File.ReadAllText(Path.Combine(dir, "library", "index.html")), File.ReadAllText(Path.Combine(dir, "native", "index.html")));

        string[] Parity(string output) => ["parity", Path.Combine(dir, output), "--format", "json"];
        var nativeParity = await RunAsync(exe!, [], Parity("native"), dir);
        var libraryParity = await RunAsync("dotnet", [BookishProcess.Dll], Parity("native"), dir);
        static string WithoutTimes(string json) => System.Text.RegularExpressions.Regex.Replace(json, "\"elapsedMs\": [0-9.]+", "");
        Assert.Equal(WithoutTimes(libraryParity.StandardOutput), WithoutTimes(nativeParity.StandardOutput));
        Assert.Contains("\"agree\"", nativeParity.StandardOutput);

        string[] Check = ["derivcheck", "--format", "json", "--declare", "x \\in \\mathbb{R}", "--claim", "\\frac{d}{dx} x^3 = 2x^2"];
        var nativeCheck = await RunAsync(exe!, [], Check, dir);
        var libraryCheck = await RunAsync("dotnet", [BookishProcess.Dll], Check, dir);
        Assert.Equal(libraryCheck.StandardOutput, nativeCheck.StandardOutput);
        Assert.Contains("\"verdict\":\"refuted\"", nativeCheck.StandardOutput);
    }
}
