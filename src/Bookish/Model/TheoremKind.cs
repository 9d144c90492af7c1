namespace Bookish.Model;

/// <summary>
/// One kind of theorem-like block: its class name, the word it prints, whether it is numbered, its amsthm style
/// (plain: italic body; definition: upright; remark: upright, italic head) and the Quarto id prefix (<c>#thm-x</c>).
/// </summary>
internal sealed record TheoremKind(string Name, string Word, bool Numbered, string Style, string Prefix)
{
    public static readonly IReadOnlyList<TheoremKind> All =
    [
        new("theorem", "Theorem", true, "plain", "thm"),
        new("lemma", "Lemma", true, "plain", "lem"),
        new("corollary", "Corollary", true, "plain", "cor"),
        new("proposition", "Proposition", true, "plain", "prp"),
        new("conjecture", "Conjecture", true, "plain", "cnj"),
        new("definition", "Definition", true, "definition", "def"),
        new("example", "Example", true, "definition", "exm"),
        new("exercise", "Exercise", true, "definition", "exr"),
        new("solution", "Solution", false, "remark", "sol"),
        new("remark", "Remark", false, "remark", "rem"),
        new("proof", "Proof", false, "proof", "prf"),
    ];

    public static TheoremKind? Find(string name) => All.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Quarto names the kind by the id alone: <c>#thm-chain</c> is a theorem.</summary>
    public static TheoremKind? FromId(string id) => All.FirstOrDefault(k => id.StartsWith(k.Prefix + "-", StringComparison.Ordinal));

    public bool IsProof => Name == "proof";

    /// <summary>The LaTeX environment: amsthm's own <c>proof</c>, else a Bookish one (no clash with a class's own).</summary>
    public string LatexEnvironment => IsProof ? "proof" : "bk" + Name;
}
