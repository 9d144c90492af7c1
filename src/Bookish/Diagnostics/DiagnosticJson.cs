using System.Text.Json.Serialization;

namespace Bookish.Diagnostics;

/// <summary>A diagnostic in <c>--format json</c>.</summary>
internal sealed record DiagnosticJson(string Id, string Severity, string Message, string Path, int Line, int Column, int EndLine, int EndColumn, string? Replacement);

/// <summary>JSON without reflection (the command is compiled to native code): what <see cref="DiagnosticFormatter.Json"/> writes.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(List<DiagnosticJson>))]
internal sealed partial class DiagnosticJsonContext : JsonSerializerContext;
