namespace Bookish.Model;

internal static partial class Numbering
{
    private sealed partial class State
    {
        private readonly Dictionary<string, int> _theorems = [];

        /// <summary>Theorem-likes are numbered per kind ("Lemma 2"), with the chapter prefix in a book; proofs, remarks and solutions are not.</summary>
        private Theorem TheoremBlock(Theorem t)
        {
            var number = "";
            if (t.Kind.Numbered)
            {
                var n = _theorems[t.Kind.Name] = _theorems.GetValueOrDefault(t.Kind.Name) + 1;
                number = prefix + n;
            }
            var id = UniqueId(t.Label ?? (number.Length > 0 ? t.Kind.Prefix + "-" + number.Replace('.', '-') : t.Kind.Name));
            AddTarget(t.Label, LabelKind.Theorem, number, id, t.Kind.Word);
            return t with { Number = number, Id = id, Title = Inlines(t.Title), Blocks = Blocks(t.Blocks) };
        }
    }
}
