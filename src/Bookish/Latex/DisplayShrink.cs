using Bookish.Text;

namespace Bookish.Latex;

/// <summary>
/// Display equations to shrink to the text width on the next PDF run, with how far each stuck out (TeX's
/// "Overfull \hbox (Xpt too wide)"): a display of several rows is typeset that much wider and scaled down whole.
/// </summary>
internal sealed class DisplayShrink : HashSet<SourceSpan>
{
    public Dictionary<SourceSpan, double> OverflowPt { get; } = [];
}
