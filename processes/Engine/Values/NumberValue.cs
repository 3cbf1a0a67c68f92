using System.Globalization;
using System.Numerics;

namespace OpenEoBridge.Processes.Values;

/// <summary>
/// A number. Computation happens in <see cref="double"/>; a number read from JSON also keeps its exact text
/// (<see cref="RawText"/>) so it serialises back unchanged and integer-ness (1 vs 1.0, 2^63) can be judged on it.
/// </summary>
public sealed class NumberValue : Value
{
    public NumberValue(double value) => Value = value;

    /// <summary>A number with the JSON token it came from (must be a valid JSON number).</summary>
    public NumberValue(double value, string rawText)
    {
        Value = value;
        RawText = rawText;
    }

    public double Value { get; }

    /// <summary>The JSON text this number was read from, or null for computed numbers.</summary>
    public string? RawText { get; }

    public override ValueKind Kind => ValueKind.Number;

    public bool IsNaN => double.IsNaN(Value);

    public bool IsFinite => double.IsFinite(Value);

    /// <summary>
    /// True when the number is mathematically an integer. For JSON text this is judged on the text
    /// (so 1e400 or 12345678901234567891 count, and 1.0 counts as JSON Schema's <c>integer</c> does).
    /// </summary>
    public bool IsInteger => RawText is { } raw ? TryParseExactInteger(raw, out _) : double.IsFinite(Value) && Math.Floor(Value) == Value;

    /// <summary>True when the JSON text has no fraction or exponent (written as an integer literal).</summary>
    public bool IsIntegerLiteral => RawText is { } raw ? raw.IndexOfAny(['.', 'e', 'E']) < 0 : false;

    /// <summary>The exact integer value if the number is integral (including beyond 2^53 when read from JSON).</summary>
    public bool TryGetInteger(out BigInteger value)
    {
        if (RawText is { } raw)
        {
            return TryParseExactInteger(raw, out value);
        }

        if (double.IsFinite(Value) && Math.Floor(Value) == Value)
        {
            value = new BigInteger(Value);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The integer as <see cref="long"/> if it is integral and in range.</summary>
    public bool TryGetInt64(out long value)
    {
        if (TryGetInteger(out var big) && big >= long.MinValue && big <= long.MaxValue)
        {
            value = (long)big;
            return true;
        }

        value = 0;
        return false;
    }

    /// <summary>The JSON text for this number: the raw text when known, else the shortest round-trip form.</summary>
    public string ToJsonText() => RawText ?? Format(Value);

    public static string Format(double value) => value switch
    {
        double.NaN => "NaN",
        double.PositiveInfinity => "Infinity",
        double.NegativeInfinity => "-Infinity",
        _ => value.ToString("R", CultureInfo.InvariantCulture),
    };

    private static bool TryParseExactInteger(string raw, out BigInteger value)
    {
        // decimal handles "1.0", "1e3" and "-0.0" exactly within its range; larger magnitudes fall back to BigInteger text.
        if (BigInteger.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }

        if (decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
        {
            if (decimal.Truncate(d) == d)
            {
                value = new BigInteger(d);
                return true;
            }

            return false;
        }

        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var big) && double.IsFinite(big) && Math.Abs(big) >= 1e28)
        {
            // Beyond decimal's range every double is an integer; exactness of the text cannot matter more than that.
            value = new BigInteger(big);
            return true;
        }

        value = default;
        return false;
    }
}
