namespace Bookish.Highlighting;

/// <summary>
/// What a piece of code is, as far as colour goes: a small fixed set that every TextMate grammar's scopes map to
/// (<see cref="ScopeClassifier"/>), so the page's CSS and the PDF's colours come from one table (<see cref="CodePalette"/>).
/// </summary>
internal enum TokenKind
{
    Plain,
    Keyword,
    Type,
    Function,
    Builtin,
    String,
    Escape,
    Number,
    Constant,
    Comment,
    Operator,
    Variable,
    Tag,
    Attribute,
    Meta,
    Heading,
    Inserted,
    Deleted,
}
