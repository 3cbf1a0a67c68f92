using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Texts;

/// <summary>
/// A search of <c>pattern</c> in the text <c>data</c> (ordinal, optionally ignoring case with invariant case
/// folding, so Ä matches ä); no-data text gives no-data.
/// </summary>
public abstract class TextMatchProcess(string id) : Process(id)
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        if (call.GetStringOrNull("data") is not { } data)
        {
            return ValueTask.FromResult<Value>(Value.NoData);
        }

        var comparison = call.GetBoolean("case_sensitive") ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return ValueTask.FromResult(Match(data, call.GetString("pattern"), comparison));
    }

    protected abstract Value Match(string data, string pattern, StringComparison comparison);
}

/// <summary><c>text_begins</c>.</summary>
public sealed class TextBegins() : TextMatchProcess("text_begins")
{
    protected override Value Match(string data, string pattern, StringComparison comparison) => Value.Boolean(data.StartsWith(pattern, comparison));
}

/// <summary><c>text_ends</c>.</summary>
public sealed class TextEnds() : TextMatchProcess("text_ends")
{
    protected override Value Match(string data, string pattern, StringComparison comparison) => Value.Boolean(data.EndsWith(pattern, comparison));
}

/// <summary><c>text_contains</c>.</summary>
public sealed class TextContains() : TextMatchProcess("text_contains")
{
    protected override Value Match(string data, string pattern, StringComparison comparison) => Value.Boolean(data.Contains(pattern, comparison));
}

/// <summary>
/// <c>text_find</c>: the position counts characters (Unicode code points), not UTF-16 units, so text outside the
/// Basic Multilingual Plane gives the same positions as in other languages' string functions.
/// </summary>
public sealed class TextFind() : TextMatchProcess("text_find")
{
    protected override Value Match(string data, string pattern, StringComparison comparison)
    {
        var index = data.IndexOf(pattern, comparison);
        if (index < 0)
        {
            return Value.NoData;
        }

        var codePoints = 0;
        foreach (var _ in data.AsSpan(0, index).EnumerateRunes())
        {
            codePoints++;
        }

        return Value.Number(codePoints);
    }
}
