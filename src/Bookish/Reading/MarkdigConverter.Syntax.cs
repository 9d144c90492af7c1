using System.Collections.Immutable;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Reading.Syntax;
using Markdig.Extensions.SmartyPants;
using MdInline = Markdig.Syntax.Inlines.Inline;

namespace Bookish.Reading;

/// <summary>Pandoc and Quarto syntax: citations, inline notes, smart punctuation, an unterminated <c>$</c>.</summary>
internal sealed partial class MarkdigConverter
{
    /// <summary>Converts the inlines the Pandoc-syntax parsers made; false for any other inline.</summary>
    private bool SyntaxInline(MdInline inline, Text.SourceSpan span, List<Model.Inline> into)
    {
        switch (inline)
        {
            case SmartyPant sp:
                into.Add(new Str(Smart(sp.Type), span));
                return true;
            case CitationKeySyntax key:
                into.Add(new Citation([key.Key], span) { Narrative = true, Bare = true });
                return true;
            case TexCiteSyntax cite:
            {
                var items = cite.Keys.Select((k, i) => new CitationItem(k)
                {
                    Prefix = i == 0 ? cite.Prefix : "",
                    Suffix = i == cite.Keys.Length - 1 ? cite.Suffix : "",
                }).ToImmutableArray();
                into.Add(new Citation([.. cite.Keys], span) { Items = items, Narrative = cite.Narrative });
                return true;
            }
            case InlineNoteSyntax note:
            {
                var blocks = MarkdownReader.ReadPart(note.Text, source, note.ContentStart, diagnostics);
                into.Add(new Note(blocks, false, span));
                return true;
            }
            case UnterminatedDollarSyntax dollar:
                into.Add(new Str(dollar.Opener, span));
                diagnostics.Add(Diagnostic.Warning(DiagnosticIds.UnterminatedDollar, span,
                    $"'{dollar.Opener}' opens math that is not closed in this paragraph; it is shown as text (close it with '{dollar.Opener}', or write '\\$' for a dollar sign)"));
                return true;
            default:
                return false;
        }
    }

    /// <summary>SmartyPants' punctuation as the characters themselves (the PDF gets the same ones); <c>&lt;&lt;</c> stays as written.</summary>
    private static string Smart(SmartyPantType type) => type switch
    {
        SmartyPantType.Quote or SmartyPantType.RightQuote => "\u2019",
        SmartyPantType.LeftQuote => "\u2018",
        SmartyPantType.DoubleQuote or SmartyPantType.RightDoubleQuote => "\u201D",
        SmartyPantType.LeftDoubleQuote => "\u201C",
        SmartyPantType.Dash2 => "\u2013",
        SmartyPantType.Dash3 => "\u2014",
        SmartyPantType.Ellipsis => "\u2026",
        SmartyPantType.LeftAngleQuote => "<<",
        SmartyPantType.RightAngleQuote => ">>",
        _ => "",
    };
}
