namespace Bookish.Citations;

/// <summary>
/// How citations read: numeric ("[1, p. 3]", references numbered by first citation) or author-year ("(Doe 2020, p. 3)",
/// references sorted by author). Chosen with <c>citation-style:</c> in the front matter; no CSL processor for .NET is
/// available here, so these two are built in.
/// </summary>
internal enum CitationStyle { Numeric, AuthorYear }
