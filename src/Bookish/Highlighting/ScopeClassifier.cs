namespace Bookish.Highlighting;

/// <summary>
/// Maps a token's TextMate scopes (general to specific, as grammars give them) to a <see cref="TokenKind"/>: the most
/// specific scope that a rule names decides. Rules are scope prefixes in the naming convention TextMate grammars
/// share (<c>comment</c>, <c>string</c>, <c>keyword.operator</c>, <c>entity.name.function</c>, …).
/// </summary>
internal static class ScopeClassifier
{
    private static readonly (string Prefix, TokenKind Kind)[] Rules =
    [
        ("comment", TokenKind.Comment),
        ("punctuation.definition.comment", TokenKind.Comment),
        ("constant.character.escape", TokenKind.Escape),
        ("constant.other.placeholder", TokenKind.Escape),
        ("constant.character.format", TokenKind.Escape),
        ("string.regexp", TokenKind.String),
        ("string", TokenKind.String),
        ("punctuation.definition.string", TokenKind.String),
        ("constant.numeric", TokenKind.Number),
        ("constant.language", TokenKind.Constant),
        ("support.constant", TokenKind.Constant),
        ("variable.language", TokenKind.Constant),
        ("constant", TokenKind.Constant),
        ("keyword.control.directive", TokenKind.Meta),
        ("meta.preprocessor", TokenKind.Meta),
        ("entity.name.function.decorator", TokenKind.Meta),
        ("punctuation.definition.decorator", TokenKind.Meta),
        ("meta.decorator", TokenKind.Meta),
        ("keyword.operator", TokenKind.Operator),
        ("keyword", TokenKind.Keyword),
        ("storage", TokenKind.Keyword),
        ("support.function.builtin", TokenKind.Builtin),
        ("support.function.magic", TokenKind.Builtin),
        ("support.type.builtin", TokenKind.Builtin),
        ("entity.name.function", TokenKind.Function),
        ("support.function", TokenKind.Function),
        ("variable.function", TokenKind.Function),
        ("meta.function-call.generic", TokenKind.Function),
        ("entity.name.type", TokenKind.Type),
        ("entity.name.class", TokenKind.Type),
        ("entity.name.namespace", TokenKind.Type),
        ("entity.other.inherited-class", TokenKind.Type),
        ("support.type.property-name", TokenKind.Attribute),
        ("support.type", TokenKind.Type),
        ("support.class", TokenKind.Type),
        ("entity.name.tag", TokenKind.Tag),
        ("entity.other.attribute-name", TokenKind.Attribute),
        ("variable.parameter", TokenKind.Variable),
        ("markup.heading", TokenKind.Heading),
        ("entity.name.section", TokenKind.Heading),
        ("markup.inserted", TokenKind.Inserted),
        ("markup.deleted", TokenKind.Deleted),
    ];

    public static TokenKind Classify(IReadOnlyList<string> scopes, string text)
    {
        for (var i = scopes.Count - 1; i >= 0; i--)
        {
            var scope = scopes[i];
            foreach (var (prefix, kind) in Rules)
            {
                if (!IsPrefix(prefix, scope)) continue;
                // Operators spelled as words (`and`, `in`, `new`, `typeof`) read as keywords.
                if (kind == TokenKind.Operator && text.Length > 0 && text.All(char.IsLetter)) return TokenKind.Keyword;
                return kind;
            }
        }
        return TokenKind.Plain;
    }

    /// <summary>A scope prefix matches whole dot-separated parts: <c>string</c> matches <c>string.quoted</c>, not <c>stringify</c>.</summary>
    private static bool IsPrefix(string prefix, string scope) =>
        scope.StartsWith(prefix, StringComparison.Ordinal) && (scope.Length == prefix.Length || scope[prefix.Length] == '.');
}
