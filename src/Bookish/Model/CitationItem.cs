namespace Bookish.Model;

/// <summary>One cited key with the words around it: <c>[see @key, pp. 3-5]</c> has prefix "see" and suffix "pp. 3-5".</summary>
internal sealed record CitationItem(string Key)
{
    public string Prefix { get; init; } = "";
    public string Suffix { get; init; } = "";
    /// <summary><c>[-@key]</c>: the year (or number) only, the author already named in the sentence.</summary>
    public bool SuppressAuthor { get; init; }
}
