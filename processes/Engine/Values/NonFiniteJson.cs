using System.Text;

namespace OpenEoBridge.Processes.Values;

/// <summary>
/// Reads bare <c>NaN</c>/<c>Infinity</c>/<c>-Infinity</c> tokens, which System.Text.Json refuses, by rewriting each
/// token outside strings and comments into a marker object <c>{"$nonfinite":"NaN"}</c> that
/// <see cref="ValueJson"/> turns back into a number. Only used when the caller opted in (or for JSON5 test files).
/// </summary>
public static class NonFiniteJson
{
    public const string MarkerKey = "$nonfinite";

    public static string Rewrite(string text)
    {
        StringBuilder? output = null;
        var copiedUpTo = 0;
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (c == '"')
            {
                i = SkipString(text, i);
                continue;
            }

            if (c == '/' && i + 1 < text.Length && (text[i + 1] == '/' || text[i + 1] == '*'))
            {
                i = SkipComment(text, i);
                continue;
            }

            var token = MatchToken(text, i);
            if (token is not null)
            {
                output ??= new StringBuilder(text.Length + 64);
                output.Append(text, copiedUpTo, i - copiedUpTo);
                var (name, length) = token.Value;
                output.Append("{\"").Append(MarkerKey).Append("\":\"").Append(name).Append("\"}");
                i += length;
                copiedUpTo = i;
                continue;
            }

            i++;
        }

        if (output is null)
        {
            return text;
        }

        output.Append(text, copiedUpTo, text.Length - copiedUpTo);
        return output.ToString();
    }

    private static (string Name, int Length)? MatchToken(string text, int i)
    {
        if (i > 0 && IsIdentifierChar(text[i - 1]))
        {
            return null;
        }

        foreach (var (literal, name) in Tokens)
        {
            if (string.CompareOrdinal(text, i, literal, 0, literal.Length) == 0
                && (i + literal.Length == text.Length || !IsIdentifierChar(text[i + literal.Length])))
            {
                return (name, literal.Length);
            }
        }

        return null;
    }

    private static readonly (string Literal, string Name)[] Tokens =
    [
        ("-Infinity", "-Infinity"),
        ("+Infinity", "Infinity"),
        ("Infinity", "Infinity"),
        ("-NaN", "NaN"),
        ("+NaN", "NaN"),
        ("NaN", "NaN"),
    ];

    private static bool IsIdentifierChar(char c) => char.IsLetterOrDigit(c) || c == '_' || c == '$';

    private static int SkipString(string text, int start)
    {
        var i = start + 1;
        while (i < text.Length)
        {
            if (text[i] == '\\')
            {
                i += 2;
                continue;
            }

            if (text[i] == '"')
            {
                return i + 1;
            }

            i++;
        }

        return i;
    }

    private static int SkipComment(string text, int start)
    {
        if (text[start + 1] == '/')
        {
            var end = text.IndexOf('\n', start);
            return end < 0 ? text.Length : end + 1;
        }

        var close = text.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return close < 0 ? text.Length : close + 2;
    }
}
