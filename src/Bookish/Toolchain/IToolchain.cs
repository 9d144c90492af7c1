namespace Bookish.Toolchain;

/// <summary>
/// The one seam between Bookish and the programs it runs (pdfTeX, kpsewhich, mutool, dvisvgm). The real one is
/// <see cref="CliToolchain"/> (CliWrap, inside the TeX sandbox); tests pass a scripted fake, as they pass a fake
/// math renderer, to exercise the PDF rerun loop or the format-discard path without TeX.
/// </summary>
public interface IToolchain
{
    /// <summary>
    /// Runs one program to its end, its timeout, or <see cref="ToolInvocation.Stop"/> (then <see cref="ProcessResult.TimedOut"/>).
    /// A missing program is a <see cref="ToolMissingException"/>; the caller's cancellation an <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<ProcessResult> RunAsync(ToolInvocation invocation, CancellationToken cancellationToken = default);

    /// <summary>Which installation runs the programs (the pdfTeX binary, TeX Live's file databases): part of every TeX format's key.</summary>
    string Identity { get; }
}
