using System.CommandLine;
using Bookish.Toolchain;

namespace Bookish.Cli;

/// <summary>Options bounding what a build may do and how long it may take (build, check, parity).</summary>
internal static partial class BookishCommand
{
    /// <summary>Runs TeX without bubblewrap (the environment is still scrubbed): only for documents you trust.</summary>
    internal static readonly Option<bool> UnsafeNoSandbox = new("--unsafe-no-sandbox")
    {
        Description = "Run TeX without the bubblewrap sandbox (still with a scrubbed environment); only for documents you trust",
    };

    /// <summary>For documents nobody has reviewed: fragments isolated from each other, no shared cache, no Python.</summary>
    internal static readonly Option<bool> Untrusted = new("--untrusted")
    {
        Description = "For documents nobody has reviewed (pull requests): each equation in a TeX process of its own, no shared equation cache, Python cells never run (implies --no-execute and --no-cache)",
    };

    /// <summary>--untrusted with an option that contradicts it: a usage error (exit 2), said before anything runs.</summary>
    private static string? UntrustedConflict(ParseResult parse, params Option<bool>[] contradicting)
    {
        if (!parse.GetValue(Untrusted)) return null;
        if (parse.GetValue(UnsafeNoSandbox)) return "bookish: --untrusted cannot be combined with --unsafe-no-sandbox (untrusted documents run only in the sandbox)";
        foreach (var option in contradicting)
            if (parse.GetValue(option)) return $"bookish: --untrusted cannot be combined with {option.Name} (untrusted documents never run Python)";
        return null;
    }

    private static readonly Option<double> TexTimeout = new("--tex-timeout")
    {
        Description = "Seconds one equation or raw LaTeX block may keep TeX busy without progress (default 5)",
        DefaultValueFactory = _ => 5,
    };

    private static readonly Option<double> PdfTimeout = new("--pdf-timeout")
    {
        Description = "Seconds each pdflatex run of the PDF may take (default 120)",
        DefaultValueFactory = _ => 120,
    };

    private static readonly Option<double> BuildTimeout = new("--timeout")
    {
        Description = "Seconds the whole build may take; on expiry it stops, reports what was done, exits 1 and leaves the previous output as it was (default: no limit)",
        DefaultValueFactory = _ => 0,
    };

    /// <summary>Applies --unsafe-no-sandbox before any command runs TeX.</summary>
    private static void ApplySandboxChoice(ParseResult parse)
    {
        if (parse.GetResult(UnsafeNoSandbox) is not null && parse.GetValue(UnsafeNoSandbox)) TexSandbox.Unsafe = true;
    }

    private static bool ValidTimeouts(ParseResult parse)
    {
        foreach (var (option, value) in new[] { (TexTimeout, parse.GetValue(TexTimeout)), (PdfTimeout, parse.GetValue(PdfTimeout)), (BuildTimeout, parse.GetValue(BuildTimeout)) })
            if (double.IsNaN(value) || value < 0 || value > 86400 || (value == 0 && option != BuildTimeout))
            {
                Console.Error.WriteLine($"bookish: {option.Name} takes a number of seconds (0 < s <= 86400)");
                return false;
            }
        return true;
    }
}
