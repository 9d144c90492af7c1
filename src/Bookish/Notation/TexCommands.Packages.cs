using System.Collections.Frozen;

namespace Bookish.Notation;

internal static partial class TexCommands
{
    /// <summary>Well-known commands of packages the shared preamble does not load: the package, and a replacement that
    /// works without it when there is one.</summary>
    public static readonly FrozenDictionary<string, (string Package, string? Replacement)> OtherPackages =
        new Dictionary<string, (string, string?)>
        {
            [@"\mathscr"] = ("mathrsfs", @"\mathcal"),
            [@"\coloneqq"] = ("mathtools", @"\mathrel{\mathop:}="),
            [@"\eqqcolon"] = ("mathtools", @"=\mathrel{\mathop:}"),
            [@"\mathclap"] = ("mathtools", null),
            [@"\mathllap"] = ("mathtools", null),
            [@"\mathrlap"] = ("mathtools", null),
            [@"\clap"] = ("mathtools", null),
            [@"\xmapsto"] = ("mathtools", null),
            [@"\shortintertext"] = ("mathtools", @"\intertext"),
            [@"\color"] = ("xcolor", null),
            [@"\textcolor"] = ("xcolor", null),
            [@"\colorbox"] = ("xcolor", null),
            [@"\fcolorbox"] = ("xcolor", null),
            [@"\cancel"] = ("cancel", null),
            [@"\bcancel"] = ("cancel", null),
            [@"\xcancel"] = ("cancel", null),
            [@"\cancelto"] = ("cancel", null),
            [@"\href"] = ("hyperref", null),
            [@"\url"] = ("hyperref", null),
            [@"\iddots"] = ("mathdots", null),
            [@"\llbracket"] = ("stmaryrd", null),
            [@"\rrbracket"] = ("stmaryrd", null),
            [@"\mathbbm"] = ("bbm", @"\mathbb"),
            [@"\mathds"] = ("dsfont", @"\mathbb"),
            [@"\upalpha"] = ("upgreek", null),
            [@"\ce"] = ("mhchem", null),
            [@"\SI"] = ("siunitx", null),
            [@"\si"] = ("siunitx", null),
            [@"\num"] = ("siunitx", null),
            [@"\hdots"] = ("(not in LaTeX)", @"\dots"),
            [@"\multirow"] = ("multirow", null),
        }.ToFrozenDictionary(StringComparer.Ordinal);
}
