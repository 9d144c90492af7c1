namespace Bookish.Model;

/// <summary>A LaTeX package named in the front matter (<c>packages: [siunitx, {name: physics, options: ...}]</c>).</summary>
internal sealed record LatexPackage(string Name, string? Options = null)
{
    /// <summary>The front matter line that names it: where a missing package or a failure to load it is reported.</summary>
    public Text.SourceSpan? Span { get; init; }

    /// <summary>The same package whatever line names it.</summary>
    public bool Equals(LatexPackage? other) => other is not null && Name == other.Name && Options == other.Options;

    public override int GetHashCode() => HashCode.Combine(Name, Options);

    public string UsePackage => Options is { Length: > 0 } o ? $"\\usepackage[{o}]{{{Name}}}" : $"\\usepackage{{{Name}}}";
}
