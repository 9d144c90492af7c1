using System.Globalization;
using AngleSharp.Dom;
using Bookish.Model;

namespace Bookish.Html;

/// <summary>A figure of sub-images: a grid of (a), (b), … each with its image and its own caption, above the figure's caption.</summary>
internal sealed partial class HtmlWriter
{
    private IElement SubFigureGrid(Figure f)
    {
        var grid = El("div", "subfigures");
        grid.SetAttribute("style", string.Create(CultureInfo.InvariantCulture, $"--subfigure-columns:{Math.Max(1, f.Columns)}"));
        for (var i = 0; i < f.Parts.Length; i++)
        {
            var part = f.Parts[i];
            var cell = El("div", "subfigure");
            if (f.Id.Length > 0) cell.Id = $"{f.Id}-{(char)('a' + i % 26)}";
            var img = El("img");
            img.SetAttribute("src", part.Source);
            img.SetAttribute("alt", part.Alt.Length > 0 ? part.Alt : Presentation.PlainText(part.Caption));
            img.SetAttribute("decoding", "async");
            cell.AppendChild(img);
            var caption = El("div", "subcaption");
            caption.AppendChild(El("span", "sub-label", Figure.SubLabel(i)));
            if (part.Caption.Length > 0)
            {
                caption.AppendChild(_html.CreateTextNode(" "));
                AppendInlines(caption, part.Caption);
            }
            cell.AppendChild(caption);
            grid.AppendChild(cell);
        }
        return grid;
    }
}
