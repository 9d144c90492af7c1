using System.Collections.Frozen;

namespace Bookish.Notation;

/// <summary>What the lint knows about LaTeX commands: arguments, font families, and every name defined by LaTeX, amsmath,
/// amssymb and bm (generous, so correct input stays silent).</summary>
internal static partial class TexCommands
{
    /// <summary>Argument modes per command: <c>f</c> font (math in another face), <c>t</c> text, <c>r</c> raw (not math),
    /// <c>m</c> math.</summary>
    public static readonly FrozenDictionary<string, string> Arguments = BuildArguments();

    private static FrozenDictionary<string, string> BuildArguments()
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var c in Words(@"\mathbf \mathrm \mathsf \mathtt \mathit \mathcal \mathbb \mathfrak \mathscr \mathnormal
            \boldsymbol \bm \pmb \mathbold \operatorname \vec \overrightarrow \mathbfit \symbf \symrm \symit"))
            d[c] = "f";
        foreach (var c in Words(@"\text \textrm \textbf \textit \textsf \texttt \textnormal \textup \textsl \textsc \emph
            \mbox \hbox \fbox \intertext \shortintertext"))
            d[c] = "t";
        foreach (var c in Words(@"\label \ref \eqref \pageref \tag \begin \end \url \hspace \vspace \color \cite
            \includegraphics \kern \mkern \hskip \vskip \phantomsection"))
            d[c] = "r";
        d[@"\textcolor"] = "rm";
        d[@"\colorbox"] = "rt";
        d[@"\href"] = "rt";
        d[@"\DeclareMathOperator"] = "rt";
        d[@"\newcommand"] = "r";
        d[@"\renewcommand"] = "r";
        d[@"\providecommand"] = "r";
        d[@"\frac"] = "mm";
        d[@"\dfrac"] = "mm";
        d[@"\tfrac"] = "mm";
        d[@"\binom"] = "mm";
        d[@"\sqrt"] = "m";
        d[@"\overset"] = "mm";
        d[@"\underset"] = "mm";
        d[@"\stackrel"] = "mm";
        d[@"\substack"] = "m";
        foreach (var c in Words(@"\hat \widehat \bar \overline \underline \tilde \widetilde \dot \ddot \dddot \check \breve
            \acute \grave \mathring \overbrace \underbrace \boxed \cancel \phantom \hphantom \vphantom"))
            d[c] = "m";
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>Old-style switches that change the face for the rest of the group (<c>{\rm max}</c>).</summary>
    public static readonly FrozenSet<string> FontSwitches = Words(@"\rm \bf \it \sf \tt \cal \mit \boldmath \sc \sl \em \operatorfont")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Commands that write a letter in bold (or as an arrow vector): variants of one another for the form rule.</summary>
    public static readonly FrozenSet<string> BoldFamily = Words(@"\mathbf \boldsymbol \bm \pmb \mathbold \vec \overrightarrow \mathbfit \symbf")
        .ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> ScriptFamily = Words(@"\mathcal \mathscr").ToFrozenSet(StringComparer.Ordinal);

    public static readonly FrozenSet<string> Greek = Words(@"\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta
        \vartheta \iota \kappa \varkappa \lambda \mu \nu \xi \omicron \pi \varpi \rho \varrho \sigma \varsigma \tau \upsilon \phi
        \varphi \chi \psi \omega \Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Upsilon \Phi \Psi \Omega")
        .ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Commands that define a new command whose name is the next command token.</summary>
    public static readonly FrozenSet<string> Definers = Words(@"\newcommand \renewcommand \providecommand \def \gdef \edef \let
        \DeclareMathOperator \DeclareRobustCommand \newenvironment")
        .ToFrozenSet(StringComparer.Ordinal);

    public static bool IsKnown(string command) => Known.Contains(command);

    internal static IEnumerable<string> Words(string s) =>
        s.Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
}
