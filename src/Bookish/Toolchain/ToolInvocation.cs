namespace Bookish.Toolchain;

/// <summary>
/// One run of an external program: what to run, in which private work directory, for how long, and how. By default
/// it runs sandboxed (<see cref="TexSandbox"/>: scrubbed environment, only the work directory writable).
/// </summary>
public sealed record ToolInvocation(string Tool, IReadOnlyList<string> Arguments, string WorkDirectory, TimeSpan Timeout)
{
    /// <summary>
    /// The arguments every TeX run starts with: no shell escape, never stop for input. With the sandbox's variables
    /// (<see cref="TexSandbox.Variables"/>: <c>openin_any=p</c>, <c>openout_any=p</c>, <c>shell_escape=f</c>) this is
    /// the strict TeX environment, defined here and nowhere else.
    /// </summary>
    public static IReadOnlyList<string> StrictTex { get; } = ["-no-shell-escape", "-interaction=nonstopmode"];

    /// <summary>A strict TeX run (<see cref="StrictTex"/> first, then <paramref name="arguments"/>).</summary>
    public static ToolInvocation Tex(string tool, string workDirectory, TimeSpan timeout, params IEnumerable<string> arguments) =>
        new(tool, [.. StrictTex, .. arguments], workDirectory, timeout);

    /// <summary>Inside the sandbox (true) or directly, for programs that read nothing a document wrote (kpsewhich with checked names).</summary>
    public bool Sandboxed { get; init; } = true;
    /// <summary>Variables added to the scrubbed environment (e.g. TEXFORMATS).</summary>
    public IReadOnlyDictionary<string, string?>? Variables { get; init; }
    /// <summary>Folders besides the TeX installation the program may read (e.g. Bookish's formats).</summary>
    public IReadOnlyList<string> ReadOnly { get; init; } = [];
    /// <summary>Standard output line-buffered, so what a killed program printed last is not lost.</summary>
    public bool LineBuffered { get; init; }
    /// <summary>Sees each line of standard output as it comes (watchdogs).</summary>
    public Action<string>? OnOutputLine { get; init; }
    /// <summary>Cancelling it kills the program like its timeout does (the result says TimedOut).</summary>
    public CancellationToken Stop { get; init; }

    /// <summary>The program and its arguments, for traces and test failures.</summary>
    public override string ToString() => Tool + " " + string.Join(" ", Arguments);
}
