using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Bookish.Model;

namespace Bookish.Writing.Epub;

/// <summary>
/// The package metadata of one EPUB, from the front matter: title, creators, language, date, identifier (stable: a
/// name-based UUID of the title and the publication's name unless the front matter gives one), and the modification
/// time every EPUB 3 needs.
/// </summary>
internal sealed record EpubMetadata(string Title, IReadOnlyList<string> Creators, string Language, string Identifier, DateTimeOffset Modified)
{
    public string? Date { get; init; }
    public string? Subtitle { get; init; }
    public string? Description { get; init; }
    public string? Rights { get; init; }

    /// <summary>UUID version 5 (SHA-1, RFC 4122 §4.3) of a name in the URL namespace: the same name gives the same book identity.</summary>
    public static Guid NameBasedUuid(string name)
    {
        // The URL namespace 6ba7b811-9dad-11d1-80b4-00c04fd430c8 in network byte order.
        byte[] ns = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8];
        var hash = SHA1.HashData([.. ns, .. Encoding.UTF8.GetBytes(name)]);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x50);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    /// <summary>
    /// A date the EPUB's <c>dc:date</c> accepts (W3C date: <c>2026</c>, <c>2026-11</c>, <c>2026-11-30</c>, or a full
    /// time); other spellings a reader writes ("30 November 2026", "Nov 30, 2026") become <c>yyyy-MM-dd</c>; null when
    /// it is no date.
    /// </summary>
    public static string? W3CDate(string? written)
    {
        if (written is not { Length: > 0 }) return null;
        var s = written.Trim();
        if (System.Text.RegularExpressions.Regex.IsMatch(s, @"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")) return s;
        string[] formats = ["yyyy-MM-ddTHH:mm:ssK", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mmK", "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm"];
        if (DateTimeOffset.TryParseExact(s, formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var exact))
            return exact.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        if (DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var loose))
            return loose.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return null;
    }

    /// <summary>A BCP 47 language tag as EPUB needs it (<c>en</c>, <c>pt-BR</c>, <c>zh-Hant</c>), or null.</summary>
    public static string? LanguageTag(string? written) =>
        written is { Length: > 0 } s && System.Text.RegularExpressions.Regex.IsMatch(s.Trim(), @"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$") ? s.Trim() : null;

    /// <summary>The front matter's <c>identifier:</c> (an ISBN, a DOI, a URN), or null.</summary>
    public static string? WrittenIdentifier(Metadata m) =>
        m.Raw.GetValueOrDefault("identifier") is { } v and not Dictionary<object, object?> and not List<object?> && v.ToString()?.Trim() is { Length: > 0 } s ? s : null;

    /// <summary>The identity of a publication with no written identifier: a UUID of its title and name, stable across builds.</summary>
    public static string DerivedIdentifier(Publication publication) =>
        "urn:uuid:" + NameBasedUuid("bookish:" + publication.Metadata.Title + "\n" + publication.Name).ToString("D");
}
