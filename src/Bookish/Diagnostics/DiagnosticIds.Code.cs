namespace Bookish.Diagnostics;

/// <summary>Ids for highlighted code and for importing kramdown posts (BK1350–BK1399).</summary>
public static partial class DiagnosticIds
{
    /// <summary>A code block names a language no bundled grammar knows: it is shown without colours.</summary>
    public static readonly DiagnosticDescriptor CodeLanguageUnknown = Warning("BK1350", "unknown code language");
    /// <summary>A code block attribute (startFrom, hl_lines) that makes no sense: ignored.</summary>
    public static readonly DiagnosticDescriptor CodeAttribute = Warning("BK1351", "code block attribute ignored");
    /// <summary>A kramdown attribute line (<c>{: …}</c>) that has no Markdown equivalent: dropped.</summary>
    public static readonly DiagnosticDescriptor KramdownAttributeDropped = Warning("BK1360", "kramdown attribute dropped");
    /// <summary>A Liquid tag or output (<c>{% … %}</c>, <c>{{ … }}</c>) the converter cannot turn into Markdown: left as text.</summary>
    public static readonly DiagnosticDescriptor KramdownLiquid = Warning("BK1361", "Liquid template code left as text");
    /// <summary>A kramdown construct the converter cannot read (an unclosed <c>$$</c>): left as it is.</summary>
    public static readonly DiagnosticDescriptor KramdownSyntax = Warning("BK1362", "kramdown construct not converted");
}
