namespace Bookish.Diagnostics;

/// <summary>Ids of the EPUB writer (issue 20), BK7100–BK7149: one per meaning.</summary>
public static partial class DiagnosticIds
{
    /// <summary><c>formats:</c> in the front matter names an output Bookish does not write (it writes html, pdf, epub).</summary>
    public static readonly DiagnosticDescriptor UnknownFormat = Warning("BK7101", "unknown output format");
    /// <summary>An image on the web cannot be embedded in the EPUB: the book shows a link to it instead.</summary>
    public static readonly DiagnosticDescriptor EpubRemoteImage = Warning("BK7102", "remote image not embedded in the EPUB");
    /// <summary>A front matter value the EPUB's metadata cannot use as written (a date, an identifier, a language).</summary>
    public static readonly DiagnosticDescriptor EpubMetadata = Warning("BK7103", "front matter value unusable in EPUB metadata");
    /// <summary>A link to a local file that is not part of the EPUB: the book keeps the link's text without the link.</summary>
    public static readonly DiagnosticDescriptor EpubLinkedFile = Warning("BK7104", "linked file not in the EPUB");
    /// <summary>An image of a type EPUB readers need not show (not PNG, JPEG, GIF or SVG): left out, its text shown.</summary>
    public static readonly DiagnosticDescriptor EpubImageType = Warning("BK7105", "image type not allowed in EPUB");
}
