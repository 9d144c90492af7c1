using System.Collections.Immutable;
using System.Text.RegularExpressions;

namespace Bookish.Model;

/// <summary>
/// Numbers sections, equations (as LaTeX would), figures, tables and notes, gives every target an anchor id, and
/// builds the label table shared by all pages of a publication. Pure: returns new records.
/// </summary>
internal static partial class Numbering
{
    public static Publication Apply(Publication publication)
    {
        var targets = ImmutableDictionary.CreateBuilder<string, LabelTarget>();
        var pages = ImmutableArray.CreateBuilder<Document>();
        var chapter = 0;
        foreach (var page in publication.Pages)
        {
            var prefix = publication.IsBook && page.PageName != "index" ? (page.Chapter is { Number.Length: > 0 } c ? c.Number : (++chapter).ToString()) + "." : "";
            if (page.Label is { Length: > 0 } pageLabel)
                targets.TryAdd(pageLabel, new LabelTarget(pageLabel, LabelKind.Section, prefix.TrimEnd('.'), page.PageName, page.Chapter is null ? "" : pageLabel) { Title = page.Metadata.Title, Chapter = page.Chapter });
            var state = new State(page.PageName, prefix, page.Metadata.NumberSections, targets, page.Blocks);
            pages.Add(page with { Blocks = state.Blocks(page.Blocks) });
        }
        var table = new LabelTable(targets.ToImmutable());
        return publication with { Pages = pages.Select(p => p with { Labels = table }).ToImmutableArray() };
    }

    public static Document Apply(Document document) =>
        Apply(new Publication(document.Metadata, [document], false, document.PageName)).Pages[0];

    [GeneratedRegex(@"\\label\{([^}]*)\}")] internal static partial Regex LabelPattern();
    [GeneratedRegex(@"\\(nonumber|notag)\b")] private static partial Regex NoNumber();

    /// <summary>The id an equation numbered <paramref name="number"/> had before labels became ids ("eq-5", "eq-2-3").</summary>
    public static string PositionalId(string number) => "eq-" + number.Replace('.', '-');

    /// <summary>Splits an align/gather body into rows at top-level <c>\\</c>.</summary>
    public static List<string> Rows(string tex)
    {
        var rows = new List<string>();
        var depth = 0; var envDepth = 0; var start = 0;
        for (var i = 0; i < tex.Length; i++)
        {
            var c = tex[i];
            if (c == '\\' && i + 1 < tex.Length)
            {
                if (tex[i + 1] == '\\' && depth == 0 && envDepth == 0) { rows.Add(tex[start..i]); start = i + 2; i++; continue; }
                // amsmath ends the row itself before \intertext / \shortintertext when the author did not write \\.
                if (depth == 0 && envDepth == 0 && IntertextAt(tex, i) && tex[start..i].Trim().Length > 0) { rows.Add(tex[start..i]); start = i; }
                if (string.CompareOrdinal(tex, i, @"\begin{", 0, 7) == 0) envDepth++;
                else if (string.CompareOrdinal(tex, i, @"\end{", 0, 5) == 0) envDepth--;
                i++;
                continue;
            }
            if (c == '{') depth++;
            else if (c == '}') depth--;
        }
        rows.Add(tex[start..]);
        if (rows.Count > 1 && rows[^1].Trim().Length == 0) rows.RemoveAt(rows.Count - 1);
        return rows;
    }

    private static bool IntertextAt(string tex, int i) =>
        string.CompareOrdinal(tex, i, @"\intertext", 0, 10) == 0 && !(i + 10 < tex.Length && char.IsAsciiLetter(tex[i + 10]))
        || string.CompareOrdinal(tex, i, @"\shortintertext", 0, 15) == 0 && !(i + 15 < tex.Length && char.IsAsciiLetter(tex[i + 15]));

    private sealed partial class State(string page, string prefix, bool numberSections, ImmutableDictionary<string, LabelTarget>.Builder targets, ImmutableArray<Block> all)
    {
        private readonly int[] _sections = new int[7];
        private readonly int _topLevel = TopLevel(all);
        private int _equation, _figure, _table, _note, _math;
        private readonly HashSet<string> _ids = [];

        private static int TopLevel(ImmutableArray<Block> blocks)
        {
            var levels = blocks.OfType<Heading>().Select(h => h.Level).ToList();
            return levels.Count == 0 ? 1 : levels.Min();
        }

        private string UniqueId(string id)
        {
            if (id.Length == 0) id = "section";
            var candidate = id; var n = 1;
            while (!_ids.Add(candidate)) candidate = $"{id}-{++n}";
            return candidate;
        }

        private void AddTarget(string? label, LabelKind kind, string number, string id, string? title = null)
        {
            if (string.IsNullOrEmpty(label)) return;
            targets.TryAdd(label, new LabelTarget(label, kind, number, page, id) { Title = title });
        }

        public ImmutableArray<Block> Blocks(ImmutableArray<Block> blocks) => blocks.Select(Block).ToImmutableArray();

        private Block Block(Block block)
        {
            switch (block)
            {
                case Heading h:
                {
                    var depth = Math.Clamp(h.Level - _topLevel, 0, 5);
                    var number = "";
                    if (numberSections && h.Numbered && depth <= 2)
                    {
                        _sections[depth]++;
                        for (var i = depth + 1; i < _sections.Length; i++) _sections[i] = 0;
                        number = prefix + string.Join(".", _sections.Take(depth + 1));
                    }
                    var id = UniqueId(h.Id);
                    var title = string.Concat(h.Content.OfType<Str>().Select(s => s.Value));
                    AddTarget(h.Label, LabelKind.Section, number, id, title);
                    return h with { Id = id, Number = number, Content = Inlines(h.Content) };
                }
                case MathBlock m:
                {
                    var numbers = ImmutableArray.CreateBuilder<string>();
                    var printed = ImmutableArray.CreateBuilder<string>();
                    var labels = ImmutableArray.CreateBuilder<string>();
                    var rowLabels = new List<string>();
                    var rows = m.Environment.IsMultiRow() ? Rows(m.Tex) : [m.Tex];
                    var firstLabel = "";
                    foreach (var row in rows)
                    {
                        var label = LabelPattern().Match(row) is { Success: true } lm ? lm.Groups[1].Value : null;
                        string? number = null, numberTex = null;
                        if (EquationTag.First(row) is { } tag)
                        {
                            // \tag{$\star$}: the number is the tag's text as a reader sees it (⋆); \tag* prints it without parentheses.
                            number = EquationTag.Text(tag.Content);
                            if (EquationTag.HasTex(tag.Content)) numberTex = tag.Content;
                            printed.Add(tag.Star ? number : $"({number})");
                        }
                        else if (m.Environment.IsNumbered() && !NoNumber().IsMatch(row))
                        {
                            number = prefix + (++_equation);
                            printed.Add($"({number})");
                        }
                        if (number is not null) numbers.Add(number);
                        if (label is not null)
                        {
                            labels.Add(label);
                            if (firstLabel.Length == 0) firstLabel = label;
                        }
                        if (label is not null && number is not null)
                        {
                            AddTarget(label, LabelKind.Equation, number, "");
                            if (numberTex is not null && targets.TryGetValue(label, out var tagged)) targets[label] = tagged with { NumberTex = numberTex };
                            rowLabels.Add(label);
                        }
                    }
                    _math++;
                    // A labelled equation is known by its label (#eq:softmax), so deep links survive inserted equations;
                    // the page keeps the positional id (#eq-5) as an alias.
                    var id = UniqueId(firstLabel.Length > 0 ? firstLabel : numbers.Count > 0 ? PositionalId(numbers[0]) : "math-" + prefix.Replace('.', '-') + _math);
                    // A numbered row's label (after the first) is that row's own anchor: the page sets it on the row's number.
                    foreach (var l in labels)
                        if (targets.TryGetValue(l, out var t) && t.Id.Length == 0)
                            targets[l] = t with { Id = l != firstLabel && rowLabels.Contains(l) && m.Environment.IsMultiRow() ? UniqueId(l) : id };
                    return m with { Numbers = numbers.ToImmutable(), NumberLabels = printed.ToImmutable(), Labels = labels.ToImmutable(), Id = id };
                }
                case Figure f:
                {
                    var number = f.Caption.Length > 0 || f.Label is not null ? prefix + (++_figure) : "";
                    var id = UniqueId(f.Label ?? (number.Length > 0 ? "fig-" + number.Replace('.', '-') : "figure"));
                    AddTarget(f.Label, LabelKind.Figure, number, id);
                    return f with { Number = number, Id = id, Caption = Inlines(f.Caption) };
                }
                case Table t:
                {
                    var number = t.Caption.Length > 0 || t.Label is not null ? prefix + (++_table) : "";
                    var id = UniqueId(t.Label ?? (number.Length > 0 ? "tbl-" + number.Replace('.', '-') : "table"));
                    AddTarget(t.Label, LabelKind.Table, number, id);
                    return t with
                    {
                        Number = number, Id = id, Caption = Inlines(t.Caption),
                        Rows = t.Rows.Select(r => r with { Cells = r.Cells.Select(c => c with { Content = Inlines(c.Content) }).ToImmutableArray() }).ToImmutableArray(),
                    };
                }
                case CheckBlock c:
                    return c with { Id = UniqueId("check-" + prefix.Replace('.', '-') + (++_math)) };
                case Paragraph p: return p with { Content = Inlines(p.Content) };
                case ListBlock l: return l with { Items = l.Items.Select(i => i with { Blocks = Blocks(i.Blocks) }).ToImmutableArray() };
                case BlockQuote q: return q with { Blocks = Blocks(q.Blocks) };
                case Aside a: return a with { Blocks = Blocks(a.Blocks), Title = Inlines(a.Title) };
                case Theorem t: return TheoremBlock(t);
                default: return block;
            }
        }

        private Note NoteTarget(Note n)
        {
            AddTarget(n.Label, LabelKind.Note, n.Number, (n.Side ? "sn-" : "fnref-") + n.Number);
            return n;
        }

        private ImmutableArray<Inline> Inlines(ImmutableArray<Inline> inlines) => inlines.Select(Inline).ToImmutableArray();

        private Inline Inline(Inline inline) => inline switch
        {
            Note n => NoteTarget(n with { Number = (++_note).ToString(), Content = Blocks(n.Content) }),
            Emphasis e => e with { Content = Inlines(e.Content) },
            Link l => l with { Content = Inlines(l.Content) },
            _ => inline,
        };
    }
}
