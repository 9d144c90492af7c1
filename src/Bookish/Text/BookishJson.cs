using System.Text.Json.Serialization;
using Bookish.Books;
using Bookish.Checks.Parity;
using Bookish.Equations;

namespace Bookish.Text;

// Every JSON Bookish writes or reads goes through the source generator: no reflection, so the command compiled ahead
// of time (native code, no JIT) writes exactly what the JIT build writes.

/// <summary>A diagnostic in <c>--format json</c>.</summary>
internal sealed record DiagnosticJson(string Id, string Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn, string? Replacement);

/// <summary>A front-matter macro as the interactive checker reads it.</summary>
internal sealed record MacroJson(string Name, string Body, int Args);

/// <summary>A derivative checker verdict as <c>bookish derivcheck --json</c> prints it (the browser checker's words).</summary>
internal sealed record VerdictJson(string Verdict, string Message, CounterexampleJson? Counterexample, string? Part, int Start, int End, string? Offending, int PointsChecked);

internal sealed record CounterexampleJson(Dictionary<string, string> Point, int Link, string LinkSource, string Expected, string Claimed, int Row, int Column,
    double? ExpectedEntry, double? ClaimedEntry);

/// <summary>The parity report in <c>--format json</c>.</summary>
internal sealed record ParityJson(string Html, string Pdf, bool Agree, int ExitCode, string? InputError, double ElapsedMs, ParityStats? Stats, List<ParityDifferenceJson> Differences);

internal sealed record ParityDifferenceJson(string Kind, string Message, string Section, int Paragraph, string? Source, string? Html, string? Pdf, string? Context);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<MacroJson>))]
[JsonSerializable(typeof(VerdictJson))]
internal sealed partial class CamelJson : JsonSerializerContext;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<DiagnosticJson>))]
internal sealed partial class IndentedCamelJson : JsonSerializerContext;

/// <summary>Types written with options set at run time (an encoder): the options name this as their resolver.</summary>
[JsonSerializable(typeof(ParityJson))]
[JsonSerializable(typeof(IReadOnlyList<SearchDocument>))]
internal sealed partial class RuntimeOptionsJson : JsonSerializerContext;

[JsonSerializable(typeof(CachingMathRenderer.Entry))]
internal sealed partial class CacheJson : JsonSerializerContext;
