using System.Text.RegularExpressions;

namespace Bookish.Checks.Parity;

internal static partial class StructureComparer
{
    public static IEnumerable<ParityDifference> NoteCount(HtmlSide html, PdfSide pdf, int htmlNotes)
    {
        if (htmlNotes != pdf.NoteNumbers.Count)
            yield return new ParityDifference(ParityKind.Note, $"the HTML has {htmlNotes} note(s), the PDF {pdf.NoteNumbers.Count} footnote(s)", ParityLocation.None, htmlNotes.ToString(), pdf.NoteNumbers.Count.ToString());
    }
}
