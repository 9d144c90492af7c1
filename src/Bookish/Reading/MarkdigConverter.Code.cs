using Bookish.Diagnostics;
using Bookish.Highlighting;
using SourceSpan = Bookish.Text.SourceSpan;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Bookish.Reading;

internal sealed partial class MarkdigConverter
{
    /// <summary>
    /// A fenced code block with its attributes (<c>```{.python .numberLines hl_lines="2 3"}</c>, <c>```python {.numberLines}</c>):
    /// attribute values that make no sense and a language no bundled grammar knows are warnings (shown plain).
    /// </summary>
    private Model.CodeBlock CodeBlock(FencedCodeBlock f, string info, string code, SourceSpan span)
    {
        var attrs = f.TryGetAttributes();
        var props = (attrs?.Properties ?? []).Select(kv => new KeyValuePair<string, string?>(kv.Key, kv.Value));
        var attributes = CodeAttributes.Parse(info, attrs?.Classes ?? [], props,
            problem => diagnostics.Add(Diagnostic.Create(DiagnosticIds.CodeAttribute, span.Start(), problem)));
        var lines = code.Split('\n').Length;
        var outside = attributes.HighlightLines.Where(l => l > lines).ToList();
        if (outside.Count > 0)
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.CodeAttribute, span.Start(),
                $"highlighted line{(outside.Count > 1 ? "s" : "")} {string.Join(", ", outside)} past the block's last line ({lines})"));
        if (attributes.Language.Length > 0 && !Highlighter.IsPlainName(attributes.Language) && Highlighter.Resolve(attributes.Language) is null)
            diagnostics.Add(Diagnostic.Create(DiagnosticIds.CodeLanguageUnknown, span.Start(),
                $"no grammar for code language '{attributes.Language}': the block is shown without colours (write 'text' for plain code)"));
        return new Model.CodeBlock(info, code, span) { Attributes = attributes };
    }
}
