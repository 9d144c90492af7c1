using System.Collections.Immutable;
using System.Text;
using AngleSharp.Dom;

namespace Bookish.Checks.Parity;

internal sealed partial class HtmlSide
{
    /// <summary>Collects the inline text of one block; math becomes a placeholder between words.</summary>
    private sealed class Builder(HtmlSide side, UnitKind kind, List<HtmlToken> stream, string owner, IElement? at)
    {
        private readonly StringBuilder _text = new();
        private readonly List<HtmlToken> _pending = [];
        private int _unit = -1;

        public UnitKind Kind => kind;
        /// <summary>The source line of a unit no element of the page names (a chapter's title).</summary>
        public string? SourceOverride { get; set; }
        public List<HtmlToken> Stream => stream;

        public void Text(string s) => _text.Append(s);

        private int UnitIndex()
        {
            if (_unit < 0)
            {
                _unit = side.Units.Count;
                var here = side.Here(at);
                side.Units.Add(new Unit(_unit, kind, SourceOverride is null ? here : here with { Source = SourceOverride }) { Owner = owner });
            }
            return _unit;
        }

        public int UnitIndexForLink() => UnitIndex();

        public void AddMath(string tex, bool display, string id, ImmutableArray<string> numbers)
        {
            Words();
            var unit = UnitIndex();
            side.Math.Add(new HtmlMath(tex, display, id, numbers, unit, !ReferenceEquals(stream, side.Body)));
            _pending.Add(new HtmlToken(display ? "[display math]" : "[math]", "", unit, side.Math.Count - 1));
        }

        private void Words()
        {
            if (_text.Length == 0) return;
            var cleaned = WordNormalizer.Clean(_text.ToString());
            _text.Clear();
            foreach (var w in cleaned.Split((char[])[' ', '\n', '\t', '\r'], StringSplitOptions.RemoveEmptyEntries))
            {
                var key = WordNormalizer.Key(w);
                if (key.Length > 0) _pending.Add(new HtmlToken(w, key, UnitIndex()));
            }
        }

        /// <summary>Ends the unit: its words go to the stream; text after a nested block starts a new unit.</summary>
        public void Flush()
        {
            Words();
            stream.AddRange(_pending);
            _pending.Clear();
            _unit = -1;
        }
    }
}
