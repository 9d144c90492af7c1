using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading.Syntax;

namespace Bookish.Reading;

/// <summary>Fenced divs: theorem-likes, Quarto callouts and Bookish's <c>::: tip Title</c> callouts.</summary>
internal sealed partial class MarkdigConverter
{
    /// <summary>Callout kinds: Quarto's five, and the ones Bookish's own syntax always knew.</summary>
    internal static readonly string[] CalloutKinds = ["note", "tip", "warning", "important", "caution", "aside"];

    /// <summary>Kinds the legacy dialect's converter writes as <c>::: kind</c>.</summary>
    private static readonly string[] LegacyKinds = ["about", "callout", "chapquote", "figure", "info", "danger"];

    private Model.Block Div(FencedDivSyntax div, Text.SourceSpan span)
    {
        var fence = span.Start();
        if (!div.Closed)
            diagnostics.Add(Diagnostic.Error(DiagnosticIds.UnclosedDiv, fence,
                $"'{new string(':', div.FenceLength)}' fenced div is not closed: add a line '{new string(':', div.FenceLength)}' where it ends (it runs to the end of the file)"));
        var attributes = div.Attributes;
        var blocks = Blocks(div);
        var kind = attributes.Classes.Select(TheoremKind.Find).FirstOrDefault(k => k is not null)
                   ?? (attributes.Id is { } id ? TheoremKind.FromId(id) : null);
        if (kind is not null) return TheoremDiv(kind, div, blocks, span);

        var quarto = attributes.Classes.FirstOrDefault(c => c.StartsWith("callout-", StringComparison.Ordinal));
        var name = quarto is not null ? quarto["callout-".Length..] : attributes.Classes.FirstOrDefault() ?? "note";
        // Bookish's own '::: kind Title' keeps any kind the legacy dialect makes (about, chapquote, figure, …).
        var bare = quarto is null && attributes.Id is null && attributes.Properties.IsEmpty && attributes.Classes.Length == 1 && !div.Braced;
        if (!CalloutKinds.Contains(name) && !(bare && LegacyKinds.Contains(name)))
        {
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.UnknownCalloutKind, fence,
                $"unknown callout kind '{(quarto ?? name)}': use {string.Join(", ", CalloutKinds.Take(5).Select(k => "callout-" + k))} (or a theorem kind: {string.Join(", ", TheoremKind.All.Select(k => k.Name))}); shown as a note"));
            name = "note";
        }
        ImmutableArray<Model.Inline> title;
        if (attributes["title"] is { Length: > 0 } t) title = InlineText(t, fence);
        else if (div.Arguments.Length > 0) title = [new Str(div.Arguments, span)];
        else if (quarto is not null) title = [new Str(char.ToUpperInvariant(name[0]) + name[1..], span)];
        else title = [];
        bool? collapse = attributes["collapse"]?.ToLowerInvariant() switch { "true" => true, "false" => false, _ => null };
        return new Aside(name, title, blocks, span) { Collapse = collapse };
    }

    /// <summary>A theorem-like: its name from <c>title=</c> or <c>name=</c>, the words after the kind, or (Quarto) a first heading.</summary>
    private Theorem TheoremDiv(TheoremKind kind, FencedDivSyntax div, ImmutableArray<Model.Block> blocks, Text.SourceSpan span)
    {
        var attributes = div.Attributes;
        ImmutableArray<Model.Inline> title = [];
        if ((attributes["title"] ?? attributes["name"]) is { Length: > 0 } t) title = InlineText(t, span.Start());
        else if (div.Arguments.Length > 0) title = InlineText(div.Arguments, span.Start());
        else if (blocks.Length > 0 && blocks[0] is Heading h)
        {
            title = h.Content;
            blocks = blocks.RemoveAt(0);
        }
        return new Theorem(kind, title, blocks, span) { Label = attributes.Id };
    }

    /// <summary>A title written in an attribute: Markdown inlines (math allowed), located at the fence.</summary>
    private ImmutableArray<Model.Inline> InlineText(string text, Text.SourceSpan at)
    {
        var part = MarkdownReader.ReadFragment(text, source.Path, diagnostics);
        return part.Length == 1 && part[0] is Paragraph p ? p.Content.Select(i => i with { Span = at }).ToImmutableArray() : [new Str(text, at)];
    }
}
