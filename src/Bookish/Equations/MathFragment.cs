using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Bookish.Text;

namespace Bookish.Equations;

public enum MathMode { Inline, Display, RawBlock }

/// <summary>One distinct piece of TeX to render, with every place in the source it comes from.</summary>
public sealed record MathFragment(string Tex, MathMode Mode, ImmutableArray<SourceSpan> Spans)
{
    public static string KeyOf(string tex, MathMode mode, MathSettings settings)
    {
        // Everything that changes the picture: the TeX, how it is set (mode, renderer, measure), the preamble (packages,
        // macros, math font), the engine, the TeX installation, the size, and the files it includes (see PictureInputs).
        var text = string.Join("\u0000", "bookish-math-v3", mode.ToString(), tex, settings.Preamble, settings.EngineId, settings.Toolchain,
            settings.FontSize.ToString(System.Globalization.CultureInfo.InvariantCulture), settings.Renderer, PictureInputs.Files(tex, settings.ResourceDirectory));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    public string Key(MathSettings settings) => KeyOf(Tex, Mode, settings);
}
