using System.Collections.Concurrent;

namespace Bookish.Diagnostics;

/// <summary>Thread-safe collector of diagnostics for one build.</summary>
internal sealed class DiagnosticBag
{
    private readonly ConcurrentQueue<Diagnostic> _items = new();

    public void Add(Diagnostic d) => _items.Enqueue(d);
    public void AddRange(IEnumerable<Diagnostic> ds) { foreach (var d in ds) _items.Enqueue(d); }
    public bool HasErrors => _items.Any(d => d.IsError);
    public IReadOnlyList<Diagnostic> ToList() => _items
        .OrderBy(d => d.Span.Path, StringComparer.Ordinal).ThenBy(d => d.Span.Line).ThenBy(d => d.Span.Column).ToList();
}
