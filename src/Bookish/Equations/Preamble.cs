using System.Text;
using Bookish.Model;

namespace Bookish.Equations;

/// <summary>The single source of packages and macros shared by the equation renderer and the PDF writer.</summary>
public static class Preamble
{
    public const string Base = "\\usepackage{amsmath,amssymb,bm}\n\\usepackage{graphicx}\n";

    public static string For(Metadata metadata, IEnumerable<MacroDefinition>? extra = null, string mathFont = "cm")
    {
        var sb = new StringBuilder(Base);
        if (mathFont is "times") sb.Append("\\usepackage{txfonts}\n");
        foreach (var m in metadata.Macros.Concat(extra ?? []))
            sb.Append(Define(m)).Append('\n');
        return sb.ToString();
    }

    /// <summary><c>\providecommand</c> then <c>\renewcommand</c>: works whether or not the name exists already (\vec).</summary>
    public static string Define(MacroDefinition m)
    {
        var args = m.Arguments > 0 ? $"[{m.Arguments}]" : "";
        return $"\\providecommand{{\\{m.Name}}}{{}}\\renewcommand{{\\{m.Name}}}{args}{{{m.Body}}}";
    }
}
