using System.Text.Json.Serialization;

namespace Bookish.Calculus;

/// <summary>A front-matter macro as the interactive checker in the page reads it.</summary>
internal sealed record MacroJson(string Name, string Body, int Args);

/// <summary>A verdict as <c>bookish derivcheck --json</c> prints it (the browser checker's words).</summary>
internal sealed record VerdictJson(string Verdict, string Message, CounterexampleJson? Counterexample, string? Part, int Start, int End, string? Offending, int PointsChecked);

internal sealed record CounterexampleJson(Dictionary<string, string> Point, int Link, string LinkSource, string Expected, string Claimed, int Row, int Column,
    double? ExpectedEntry, double? ClaimedEntry);

/// <summary>JSON without reflection (the command is compiled to native code).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(List<MacroJson>))]
[JsonSerializable(typeof(VerdictJson))]
internal sealed partial class CheckerJsonContext : JsonSerializerContext;
