namespace Bookish.Latex;

/// <summary>A book's divisions in the PDF: <c>\part</c> before the first chapter of a part, <c>\appendix</c> before the first appendix.</summary>
internal sealed partial class LatexWriter
{
    private void BookDivisions(Model.Document page)
    {
        if (page.Chapter is not { } chapter) return;
        // The appendices are not part of the last part: their bookmarks start at the outline's root again.
        if (chapter.OpensAppendices) _out.Line("\\bookmarksetup{startatroot}\\appendix");
        if (chapter.OpensPart && chapter.Part is { } part)
        {
            var title = TitleText(part);
            _out.Line($"\\part{{{title}}}");
            _toc.Append($"\\contentsline {{part}}{{{title}}}{{0}}{{}}%\n");
        }
    }
}
