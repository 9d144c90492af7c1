using System.Buffers.Binary;
using System.Globalization;

namespace Bookish.Equations.Dvi;

/// <summary>
/// The bounding box file graphicx reads for a PNG in DVI mode, sized as pdfTeX sizes the same image: its pixel size at
/// the resolution of its pHYs chunk, or at 72 dpi when it has none.
/// </summary>
internal static class PngBox
{
    public static string? Of(string path)
    {
        if (!path.EndsWith(".png", StringComparison.OrdinalIgnoreCase)) return null;
        try
        {
            var data = File.ReadAllBytes(path);
            if (data.Length < 33 || data[1] != 'P' || data[2] != 'N' || data[3] != 'G') return null;
            var width = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(16));
            var height = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(20));
            double dpiX = 72, dpiY = 72;
            var i = 8;
            while (i + 12 <= data.Length)
            {
                var length = (int)BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i));
                var type = System.Text.Encoding.ASCII.GetString(data, i + 4, 4);
                if (type == "pHYs" && length >= 9 && data[i + 16] == 1)
                {
                    // pixels per metre
                    var x = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i + 8));
                    var y = BinaryPrimitives.ReadUInt32BigEndian(data.AsSpan(i + 12));
                    if (x > 0 && y > 0) { dpiX = x * 0.0254; dpiY = y * 0.0254; }
                }
                if (type is "IDAT" or "IEND") break;
                i += 12 + length;
            }
            var w = width * 72 / dpiX;
            var h = height * 72 / dpiY;
            return string.Create(CultureInfo.InvariantCulture, $"%%BoundingBox: 0 0 {Math.Ceiling(w)} {Math.Ceiling(h)}\n%%HiResBoundingBox: 0 0 {w:0.####} {h:0.####}\n");
        }
        catch (IOException) { return null; }
    }
}
