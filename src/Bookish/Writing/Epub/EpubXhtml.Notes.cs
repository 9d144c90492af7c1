using System.Globalization;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;

namespace Bookish.Writing.Epub;

internal static partial class EpubXhtml
{
    /// <summary>
    /// Footnotes and sidenotes as EPUB 3 notes: each reference a link marked <c>epub:type="noteref"</c>, each note an
    /// <c>aside epub:type="footnote"</c> led by its number (a link back), together at the end of the page, so reading
    /// systems can show a note in a pop-up and others list them after the text.
    /// </summary>
    private static void Notes(IHtmlDocument document)
    {
        var notes = new List<(string Number, IElement Aside)>();
        foreach (var li in document.QuerySelectorAll("section.footnotes > ol > li[id]").ToList())
        {
            var number = li.Id!["fn-".Length..];
            var aside = Aside(document, li.Id!, "fnref-" + number, number);
            foreach (var child in li.ChildNodes.ToList()) aside.AppendChild(child);
            notes.Add((number, aside));
        }
        document.QuerySelector("section.footnotes")?.Remove();
        foreach (var a in document.QuerySelectorAll("sup.footnote-ref > a[href^='#fn-']"))
        {
            a.SetAttribute("epub:type", "noteref");
            a.SetAttribute("role", "doc-noteref");
        }

        foreach (var label in document.QuerySelectorAll("label.note-ref[for]").ToList())
        {
            var id = label.GetAttribute("for")!;
            var number = label.TextContent.Trim();
            var input = label.NextElementSibling is { LocalName: "input" } i ? i : null;
            var note = (input ?? label).NextElementSibling is { } s && s.ClassList.Contains("sidenote") ? s : null;
            var sup = document.CreateElement("sup");
            sup.ClassName = "footnote-ref";
            var a = document.CreateElement("a");
            a.SetAttribute("href", "#" + id);
            a.Id = "snref-" + number;
            a.SetAttribute("epub:type", "noteref");
            a.SetAttribute("role", "doc-noteref");
            a.SetAttribute("aria-label", "Note " + number);
            a.TextContent = number;
            sup.AppendChild(a);
            label.Replace(sup);
            input?.Remove();
            if (note is null) continue;
            note.QuerySelector(".note-num")?.Remove();
            var aside = Aside(document, id, a.Id, number);
            var p = document.CreateElement("p");
            foreach (var child in note.ChildNodes.ToList()) p.AppendChild(child);
            aside.AppendChild(p);
            note.Remove();
            notes.Add((number, aside));
        }
        if (notes.Count == 0) return;

        var section = document.CreateElement("section");
        section.ClassName = "footnotes";
        section.SetAttribute("epub:type", "footnotes");
        section.SetAttribute("aria-label", "Notes");
        foreach (var (_, aside) in notes.OrderBy(n => int.TryParse(n.Number, NumberStyles.None, CultureInfo.InvariantCulture, out var k) ? k : int.MaxValue))
        {
            // The number leads the note, as a link back to where it was called.
            var back = document.CreateElement("a");
            back.ClassName = "note-back";
            back.SetAttribute("href", "#" + aside.GetAttribute("data-back"));
            back.TextContent = aside.GetAttribute("data-number") ?? "";
            aside.RemoveAttribute("data-back");
            aside.RemoveAttribute("data-number");
            var first = aside.FirstElementChild;
            if (first is { LocalName: "p" })
            {
                first.InsertBefore(document.CreateTextNode(" "), first.FirstChild);
                first.InsertBefore(back, first.FirstChild);
            }
            else
            {
                var p = document.CreateElement("p");
                p.AppendChild(back);
                aside.InsertBefore(p, aside.FirstChild);
            }
            section.AppendChild(aside);
        }
        var body = document.QuerySelector("article.body") ?? document.Body!;
        body.AppendChild(section);
    }

    private static IElement Aside(IHtmlDocument document, string id, string backId, string number)
    {
        var aside = document.CreateElement("aside");
        aside.Id = id;
        aside.ClassName = "footnote";
        aside.SetAttribute("epub:type", "footnote");
        aside.SetAttribute("role", "doc-footnote");
        aside.SetAttribute("data-back", backId);
        aside.SetAttribute("data-number", number);
        return aside;
    }
}
