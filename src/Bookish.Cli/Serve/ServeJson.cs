using System.Text.Json.Serialization;

namespace Bookish.Cli.Serve;

/// <summary>What the live page reads from <c>/__bookish/state</c>: the build, its problems and the PDF.</summary>
internal sealed record ServeState(int Version, bool Built, IReadOnlyDictionary<string, int> Pages, IReadOnlyList<string> Rebuilt,
    double ElapsedMs, double CpuMs, int Equations, int NewEquations, List<ServeProblem> Diagnostics, ServePdf Pdf);

/// <summary>One diagnostic as the live page lists it (href opens the source view at its line).</summary>
internal sealed record ServeProblem(string Severity, string Id, string Message, string Where, int Line, string? Href);

internal sealed record ServePdf(string State, string? Href, bool Current, string? Message, double Seconds);

/// <summary>The events sent to live pages.</summary>
internal sealed record ServeHello(int Version);
internal sealed record ServeBuildEvent(int Version, IReadOnlyList<string> Rebuilt, bool Built, int Errors);
internal sealed record ServePdfEvent(string State, int Version);

/// <summary>JSON for serve without reflection (the command is compiled ahead of time).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(ServeState))]
[JsonSerializable(typeof(ServeHello))]
[JsonSerializable(typeof(ServeBuildEvent))]
[JsonSerializable(typeof(ServePdfEvent))]
internal sealed partial class ServeJson : JsonSerializerContext;
