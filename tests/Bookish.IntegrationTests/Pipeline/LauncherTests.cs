using Bookish.IntegrationTests.Support;
using Bookish.Toolchain;
using CliWrap;
using CliWrap.Buffered;

namespace Bookish.IntegrationTests.Pipeline;

/// <summary>The <c>bookish</c> launcher (plain shell) and the CLI agree on what is needed and what is valid.</summary>
public sealed class LauncherTests
{
    private static string Launcher => Path.Combine(Repo.Root, "bookish");

    /// <summary>A folder of links to the few programs the launcher's shell needs, and nothing else.</summary>
    private static string BarePath(params string[] extra)
    {
        var bin = Repo.TempDirectory("bookish-bare-path-");
        foreach (var tool in new[] { "bash", "sort", "sed", "dirname", "cat", "id", "mkdir", "rm", "find", "touch" }.Concat(extra))
            if (new[] { "/usr/bin", "/bin" }.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists) is { } path)
                File.CreateSymbolicLink(Path.Combine(bin, tool), path);
        return bin;
    }

    private static async Task<BufferedCommandResult> RunLauncherAsync(string launcher, string path, params string[] args)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        return await CliWrap.Cli.Wrap("/bin/bash").WithArguments([launcher, .. args])
            .WithEnvironmentVariables(new Dictionary<string, string?> { ["PATH"] = path })
            .WithValidation(CommandResultValidation.None)
            .ExecuteBufferedAsync(cts.Token);
    }

    [Fact(Timeout = 60_000)]
    public async Task The_launcher_names_missing_packages_from_the_same_list_the_CLI_uses()
    {
        // Nothing of TeX, mupdf, poppler, bwrap or Chromium is on this PATH: every row but the font files is missing.
        var r = await RunLauncherAsync(Launcher, BarePath(), "packages", "test");

        Assert.Equal(0, r.ExitCode);
        // "test" means the rows a build or the tests need (the execute rows only with "execute"); a file row may name a folder.
        var expected = DebianPackages.All.Where(row => row.When is "build" or "test")
            .Where(row => row.Kind != "file" || !Path.Exists(row.Name))
            .SelectMany(row => row.Packages.Split(' ')).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(expected, r.StandardOutput.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order(StringComparer.Ordinal));
        Assert.Contains("chromium", r.StandardOutput);
        // Without "test", only what a build needs.
        var build = await RunLauncherAsync(Launcher, BarePath(), "packages");
        Assert.DoesNotContain("chromium", build.StandardOutput);
        Assert.Contains("bubblewrap", build.StandardOutput);
    }

    [Fact(Timeout = 60_000)]
    public async Task Launcher_help_compiles_nothing()
    {
        // A copy of the launcher with no build beside it, and a dotnet that only records that it was called.
        var dir = Repo.TempDirectory("bookish-launcher-");
        File.Copy(Launcher, Path.Combine(dir, "bookish"));
        var bin = BarePath();
        var called = Path.Combine(dir, "dotnet-was-called");
        File.WriteAllText(Path.Combine(bin, "dotnet"), $"#!/bin/bash\necho \"$*\" >> {called}\n");
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(Path.Combine(bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var r = await RunLauncherAsync(Path.Combine(dir, "bookish"), bin, "help");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("./bookish build <input>", r.StandardOutput);
        Assert.False(File.Exists(called), "help ran dotnet: " + (File.Exists(called) ? File.ReadAllText(called) : ""));
        Assert.False(File.Exists(Path.Combine(dir, ".build-stamp")));
    }

    [Fact(Timeout = 60_000)]
    public async Task A_failed_ahead_of_time_compile_shows_what_dotnet_said()
    {
        // A copy of the launcher whose dotnet builds fine but fails to publish, with the error a compiler would print.
        var dir = Repo.TempDirectory("bookish-launcher-");
        File.Copy(Launcher, Path.Combine(dir, "bookish"));
        Directory.CreateDirectory(Path.Combine(dir, "src", "Bookish", "Toolchain"));
        File.Copy(Path.Combine(Repo.Root, "src", "Bookish", "Toolchain", "packages.tsv"), Path.Combine(dir, "src", "Bookish", "Toolchain", "packages.tsv"));
        var bin = Repo.TempDirectory("bookish-fake-dotnet-");
        File.WriteAllText(Path.Combine(bin, "dotnet"),
            "#!/bin/bash\ncase \"$1\" in publish) echo 'Program.cs(3,1): error CS1002: ; expected'; exit 1 ;; esac\nexit 0\n");
        if (OperatingSystem.IsLinux()) File.SetUnixFileMode(Path.Combine(bin, "dotnet"), UnixFileMode.UserRead | UnixFileMode.UserExecute);

        var r = await RunLauncherAsync(Path.Combine(dir, "bookish"), bin + ":/usr/local/bin:/usr/bin:/bin", "version");

        Assert.Equal(0, r.ExitCode);
        Assert.Contains("ahead-of-time compile failed", r.StandardError);
        Assert.Contains("error CS1002: ; expected", r.StandardError);
    }

    [Fact(Timeout = 60_000)]
    public async Task Build_refuses_an_unknown_diagnostics_format_before_doing_anything_as_check_does()
    {
        var doc = Repo.WriteDocument("# T\n\n$x$\n");
        var output = Path.Combine(Path.GetDirectoryName(doc)!, "o");

        var build = await BookishProcess.RunAsync(["build", doc, "--format", "yaml", "-o", output]);
        var check = await BookishProcess.RunAsync(["check", doc, "--format", "yaml"]);

        Assert.Equal((2, 2), (build.ExitCode, check.ExitCode));
        Assert.Contains("'yaml'", build.StandardError);
        Assert.False(Directory.Exists(output), "the build ran");
    }

    [Fact(Timeout = 60_000)]
    public async Task A_missing_program_names_its_Debian_packages_from_the_list()
    {
        var doc = Repo.WriteDocument("# T\n\n$x$\n");
        var dotnetDir = Path.GetDirectoryName(Environment.ProcessPath!)!;

        var r = await BookishProcess.RunAsync(["build", doc, "--no-cache", "-o", Path.Combine(Path.GetDirectoryName(doc)!, "o")],
            environment: new Dictionary<string, string?> { ["PATH"] = dotnetDir });

        Assert.Equal(3, r.ExitCode);
        // One line to run, as the launcher prints it, naming every package still missing (latex's among them).
        var line = r.StandardError.Split('\n').Single(l => l.Contains("apt-get install", StringComparison.Ordinal)).Trim();
        Assert.StartsWith(Environment.IsPrivilegedProcess ? "apt-get install -y --no-install-recommends " : "sudo apt-get install -y --no-install-recommends ", line);
        var named = line.Split(' ').Skip(Environment.IsPrivilegedProcess ? 5 : 6).ToHashSet();
        var latex = DebianPackages.All.First(row => row.Kind == "tool" && row.Name == "latex");
        Assert.Superset(latex.Packages.Split(" ").ToHashSet(), named);
    }
}
