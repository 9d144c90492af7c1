using System.Text.Json.Serialization;

namespace Bookish.Checks.Parity;

/// <summary>The parity report in <c>--format json</c>.</summary>
internal sealed record ParityJson(string Html, string Pdf, bool Agree, int ExitCode, string? InputError, double ElapsedMs, ParityStats? Stats, List<ParityDifferenceJson> Differences);

internal sealed record ParityDifferenceJson(string Kind, string Message, string Section, int Paragraph, string? Source, string? Html, string? Pdf, string? Context);

/// <summary>JSON without reflection; the formatter's options (encoder, naming, nulls) are set at run time around it.</summary>
[JsonSerializable(typeof(ParityJson))]
internal sealed partial class ParityJsonContext : JsonSerializerContext;
