namespace Bookish.Model;

/// <summary>One row of the notation table, the same in HTML and PDF: symbol TeX, meaning, kind, shape, search phrase,
/// and the anchor id of its first use.</summary>
internal sealed record NotationRow(string Symbol, string Meaning, string Kind, string? Shape, string? Search, string? FirstUseId);
