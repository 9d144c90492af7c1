using Bookish.Text;

namespace Bookish.Calculus;

/// <summary>One equality chain auto mode tried: its TeX, where it is, and the verdict.</summary>
internal sealed record AutoCheckItem(string Tex, SourceSpan Span, Verdict Verdict);
