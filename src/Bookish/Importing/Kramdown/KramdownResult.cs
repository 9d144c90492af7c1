using System.Collections.Immutable;
using Bookish.Diagnostics;

namespace Bookish.Importing.Kramdown;

/// <summary>
/// A converted post: the Markdown-with-math text, what was reported (warnings at the post's own lines), and the
/// site files the post uses (site-relative paths, e.g. <c>assets/img/plot.png</c>) that the caller copies beside it.
/// </summary>
internal sealed record KramdownResult(string Markdown, ImmutableArray<Diagnostic> Diagnostics, ImmutableArray<string> Assets);
