using Bookish.Diagnostics;

namespace Bookish.Calculus;

/// <summary>
/// The result of a <c>check</c> block: the overall verdict (refuted if any claim is, else not checkable if any is),
/// one verdict per claim line, diagnostics (BK4001 error / BK4002 warning), the claims' TeX for rendering, and the
/// context to pass to the document's next block.
/// </summary>
internal sealed record CheckBlockVerdict(
    Verdict Verdict,
    IReadOnlyList<Verdict> Claims,
    IReadOnlyList<string> ClaimTex,
    IReadOnlyList<Diagnostic> Diagnostics,
    CheckContext Context);
