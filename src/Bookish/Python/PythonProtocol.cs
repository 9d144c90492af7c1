using System.Text.Json.Serialization;

namespace Bookish.Python;

/// <summary>One request to the driver (one JSON line on its standard input).</summary>
internal sealed record PythonRequest(
    [property: JsonPropertyName("id")] int Id,
    [property: JsonPropertyName("group")] string Group,
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("output")] string? Output,
    [property: JsonPropertyName("timeout")] int Timeout,
    [property: JsonPropertyName("figsize")] double[]? FigureSize,
    [property: JsonPropertyName("salt")] string Salt,
    [property: JsonPropertyName("last")] bool ShowLastValue = false,
    [property: JsonPropertyName("style")] string? Style = null);

/// <summary>What one cell (or inline expression) gave: stored as it is in the freeze cache.</summary>
internal sealed record PythonReply
{
    [JsonPropertyName("id")] public int Id { get; init; }
    [JsonPropertyName("stdout")] public string Stdout { get; init; } = "";
    [JsonPropertyName("truncated")] public bool Truncated { get; init; }
    [JsonPropertyName("value")] public string? Value { get; init; }
    [JsonPropertyName("table")] public PythonTable? Table { get; init; }
    [JsonPropertyName("figures")] public List<PythonFigure> Figures { get; init; } = [];
    [JsonPropertyName("error")] public PythonError? Error { get; init; }
    /// <summary>Seconds after which the cell was stopped (null: it finished).</summary>
    [JsonPropertyName("timeout")] public int? Timeout { get; init; }
}

internal sealed record PythonTable(
    [property: JsonPropertyName("columns")] List<string> Columns,
    [property: JsonPropertyName("rows")] List<List<string>> Rows,
    [property: JsonPropertyName("total")] int Total);

internal sealed record PythonFigure(
    [property: JsonPropertyName("svg")] string Svg,
    [property: JsonPropertyName("pdf")] string Pdf);

internal sealed record PythonError(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("line")] int? Line,
    [property: JsonPropertyName("traceback")] string Traceback,
    [property: JsonPropertyName("module")] string? Module);

[JsonSerializable(typeof(PythonRequest))]
[JsonSerializable(typeof(PythonReply))]
internal sealed partial class PythonJson : JsonSerializerContext;
