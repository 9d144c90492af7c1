using System.Globalization;
using Bookish.Diagnostics;
using Bookish.Model;
using Bookish.Plots;
using Bookish.Publishing;
using Bookish.Security;
using Bookish.Writing.Epub;

namespace Bookish.Pipeline;

internal static partial class EpubStage
{
    /// <summary>The book's metadata from its front matter; a value the EPUB cannot use as written is a warning at its line.</summary>
    internal static EpubMetadata Metadata(Publication publication, DiagnosticBag diagnostics)
    {
        var m = publication.Metadata;
        var source = publication.Pages.Length > 0 ? publication.Pages[0].SourcePath : publication.Name;
        var language = EpubMetadata.LanguageTag(m.Lang);
        if (language is null)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.EpubMetadata, SourceLocator.Locate(source, "lang", m.Lang),
                $"lang '{m.Lang}' is not a language tag (such as en, de, pt-BR); the EPUB says en"));
        var date = EpubMetadata.W3CDate(m.Date);
        if (m.Date is { Length: > 0 } && date is null)
            diagnostics.Add(Diagnostic.Warning(DiagnosticIds.EpubMetadata, SourceLocator.Locate(source, "date", m.Date),
                $"date '{m.Date}' is not a date the EPUB can state (write it as 2026-11-30); the EPUB gives none"));
        var description = m.Description ?? Presentation.PlainText(m.Abstract).Trim();
        return new EpubMetadata(
            m.Title.Length > 0 ? m.Title : publication.Name,
            m.Authors.Select(a => a.Name).Where(n => n.Length > 0).ToList(),
            language ?? "en",
            EpubMetadata.WrittenIdentifier(m) ?? EpubMetadata.DerivedIdentifier(publication),
            Modified(publication))
        {
            Date = date,
            Subtitle = m.Subtitle,
            Description = description.Length > 0 ? description : null,
            Rights = m.Copyright,
        };
    }

    /// <summary>
    /// When the book last changed: <c>SOURCE_DATE_EPOCH</c> when set (reproducible builds), else the newest of its
    /// source files, so building the same sources twice gives the same EPUB.
    /// </summary>
    private static DateTimeOffset Modified(Publication publication)
    {
        if (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch))
            return DateTimeOffset.FromUnixTimeSeconds(epoch);
        var newest = publication.Pages.Select(p => File.Exists(p.SourcePath) ? File.GetLastWriteTimeUtc(p.SourcePath) : DateTime.MinValue).DefaultIfEmpty(DateTime.MinValue).Max();
        // Zip times start in 1980; whole seconds, as dcterms:modified states them.
        var time = newest < new DateTime(1980, 1, 2, 0, 0, 0, DateTimeKind.Utc) ? new DateTime(1980, 1, 2, 0, 0, 0, DateTimeKind.Utc) : newest;
        return new DateTimeOffset(time.Ticks - time.Ticks % TimeSpan.TicksPerSecond, TimeSpan.Zero);
    }

    /// <summary>
    /// The cover: the front matter's <c>image:</c> when it is a PNG, JPEG or GIF of the project; else the social card
    /// (title, authors, first display equation) drawn as a portrait.
    /// </summary>
    private static EpubResource? Cover(Publication publication, MathResults math, ProjectRoot root, DiagnosticBag diagnostics)
    {
        var m = publication.Metadata;
        if (m.Image is { Length: > 0 } image && !image.Contains("://") && publication.Pages.Length > 0
            && EpubXhtml.ImageTypes.TryGetValue(Path.GetExtension(image), out var type) && type != "image/svg+xml")
        {
            var page = publication.Pages[0];
            if (Publisher.ReadablePath(root, page.BaseDirectory, image, "image", SourceLocator.Locate(page.SourcePath, "image", image), diagnostics) is { } from && File.Exists(from))
                return new EpubResource("cover-image" + Path.GetExtension(image).ToLowerInvariant(), type, File.ReadAllBytes(from));
        }
        return SocialCard.Draw(publication, math.Fragments, math.Rendered, math.Settings, CoverWidth, CoverHeight) is { } card
            ? new EpubResource("cover-image.png", "image/png", card)
            : null;
    }
}
