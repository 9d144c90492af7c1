using System.CommandLine;
using Bookish.Calculus;
using Bookish.Publishing;

namespace Bookish.Cli;

internal static partial class BookishCommand
{
    private static Command CheckCommand()
    {
        var input = InputArgument("The document to check (the same inputs as build)");
        var derivatives = new Option<string>("--derivatives") { Description = "blocks (check blocks only, default) or auto (also every display equation with derivatives)", DefaultValueFactory = _ => "blocks" };
        derivatives.AcceptOnlyFromAmong("blocks", "auto");
        var format = DiagnosticsFormat();
        var output = new Option<string?>("--output", "-o") { Description = "The built output folder to compare HTML and PDF in (default: output/<name> when it exists)" };
        var noParity = new Option<bool>("--no-parity") { Description = "Skip the HTML/PDF parity comparison" };
        var projectRoot = RootOption();
        var declarations = new Option<string?>("--declarations") { Description = "A YAML sidecar of declarations and definitions (by source line) for --derivatives auto, for documents whose source you do not edit" };
        var listChains = new Option<bool>("--list-chains") { Description = "With --derivatives auto: list every derivative chain with its verdict and reason, and the not-checkable ones grouped by cause" };
        var cmd = new Command("check", "Check notation, derivative claims and (after a build) HTML/PDF parity; exit 1 on errors") { input, derivatives, output, noParity, format, projectRoot, declarations, listChains, UnsafeNoSandbox };
        cmd.SetAction(parse =>
        {
            var source = parse.GetValue(input)!;
            var folder = parse.GetValue(output) ?? Path.Combine("output", InputReader.NameOf(source));
            var parity = !parse.GetValue(noParity) && (parse.GetValue(output) is not null || Directory.Exists(folder)) ? folder : null;
            var result = Checker.Run(source, parse.GetValue(derivatives) == "auto", parity, parse.GetValue(projectRoot), parse.GetValue(declarations));
            var fmt = FormatFor(parse, format, Console.IsOutputRedirected);
            DiagnosticPrinter.Print(result.Diagnostics, fmt, Console.Out, color: fmt == "pretty" && Colors);
            if (fmt is "text" or "pretty")
            {
                Console.WriteLine($"check blocks: {result.ChecksVerified} verified, {result.ChecksRefuted} refuted, {result.ChecksNotCheckable} not checkable");
                if (result.Auto is { } a)
                    Console.WriteLine($"auto: {a.Checked} equations with derivatives checked: {a.Verified} verified, {a.Refuted} refuted, {a.NotCheckable} not checkable");
                if (result.Auto is { } list && parse.GetValue(listChains))
                    Console.Write(AutoCheckListing.Format(list));
                Console.WriteLine($"{result.Diagnostics.Count(d => d.IsError)} error(s), {result.Diagnostics.Count(d => !d.IsError)} other diagnostic(s)");
            }
            return ExitCodes.For(result.Kind);
        });
        return cmd;
    }

    private static Command DerivCheckCommand()
    {
        var declare = new Option<string>("--declare") { Description = @"Declarations, e.g. 'x, y \in \mathbb{R}'", DefaultValueFactory = _ => "" };
        var define = new Option<string>("--define") { Description = "Definitions separated by ';'", DefaultValueFactory = _ => "" };
        var claim = new Option<string>("--claim") { Description = @"The claim, e.g. '\nabla g(x,y) = [2, 8y^7]'", Required = true };
        var layout = new Option<string>("--layout") { Description = "numerator (default) or denominator", DefaultValueFactory = _ => "numerator" };
        var format = new Option<string>("--format") { Description = "text or json", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var cmd = new Command("derivcheck", "Check one derivative claim numerically: exit 0 verified, 1 refuted, 2 not checkable") { declare, define, claim, layout, format };
        cmd.SetAction(parse =>
        {
            var v = DerivativeChecker.CheckClaim(parse.GetValue(declare)!, parse.GetValue(define)!, parse.GetValue(claim)!, parse.GetValue(layout)!);
            Console.WriteLine(parse.GetValue(format) == "json" ? v.ToJson() : v.ToString());
            return v.ExitCode;
        });
        return cmd;
    }
}
