using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace OpenEoBridge.Processes.Library.Dates;

/// <summary>
/// An RFC 3339 date (<c>2020-01-31</c>) or date-time (<c>2020-01-31T12:00:00.5+02:00</c>) that remembers how it was
/// written, so processes can give results in the same form: a date stays a date, a date-time keeps its offset and
/// its number of fractional digits while they suffice (else milli-, micro- or 100-nanosecond digits). A date alone stands for midnight UTC when compared or shifted.
/// </summary>
public sealed partial class TemporalText
{
    private TemporalText(DateTimeOffset instant, bool isDate, int fractionDigits, bool zulu)
    {
        Instant = instant;
        IsDate = isDate;
        FractionDigits = fractionDigits;
        Zulu = zulu;
    }

    /// <summary>The moment in time, in the written offset (UTC for dates).</summary>
    public DateTimeOffset Instant { get; }

    public bool IsDate { get; }

    public int FractionDigits { get; }

    /// <summary>Written with <c>Z</c> rather than a numeric offset.</summary>
    public bool Zulu { get; }

    public static bool TryParse(string text, out TemporalText value)
    {
        value = null!;
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            return false;
        }

        int Part(string name) => int.Parse(match.Groups[name].ValueSpan, CultureInfo.InvariantCulture);
        if (!match.Groups["hour"].Success)
        {
            if (!TryDate(Part("year"), Part("month"), Part("day"), out var date))
            {
                return false;
            }

            value = new TemporalText(new DateTimeOffset(date, TimeSpan.Zero), isDate: true, 0, zulu: true);
            return true;
        }

        var offsetGroup = match.Groups["offset"];
        var zulu = !offsetGroup.Success || offsetGroup.Value is "Z" or "z";
        var offset = zulu ? TimeSpan.Zero : ParseOffset(offsetGroup.Value);
        var second = Part("second");
        // A leap second (:60) is accepted and folded into the next minute; results never contain one.
        var leap = second == 60;
        var fraction = match.Groups["fraction"].Success ? match.Groups["fraction"].Value[1..] : "";
        var ticks = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(7, '0')[..7], CultureInfo.InvariantCulture);
        if (!TryDate(Part("year"), Part("month"), Part("day"), out var day) || Part("hour") > 23 || Part("minute") > 59 || second > 60
            || Math.Abs(offset.TotalHours) >= 24)
        {
            return false;
        }

        var local = day.AddHours(Part("hour")).AddMinutes(Part("minute")).AddSeconds(leap ? 59 : second).AddTicks(ticks);
        var instant = new DateTimeOffset(local, offset);
        if (leap)
        {
            instant = instant.AddSeconds(1);
        }

        value = new TemporalText(instant, isDate: false, fraction.Length, zulu);
        return true;
    }

    /// <summary>The same form as this value (date or date-time, offset, fractional digits) for another instant.</summary>
    public string Format(DateTimeOffset instant)
    {
        if (IsDate)
        {
            return instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        var local = instant.ToOffset(Zulu ? TimeSpan.Zero : Instant.Offset);
        var builder = new StringBuilder(local.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture));
        var subSecond = local.Ticks % TimeSpan.TicksPerSecond;
        var digits = FitsIn(subSecond, FractionDigits) ? FractionDigits : NeededDigits(subSecond);
        if (digits > 0)
        {
            var fraction = subSecond.ToString("D7", CultureInfo.InvariantCulture);
            builder.Append('.').Append(digits <= 7 ? fraction[..digits] : fraction.PadRight(digits, '0'));
        }

        builder.Append(Zulu ? "Z" : local.ToString("zzz", CultureInfo.InvariantCulture));
        return builder.ToString();
    }

    private static bool FitsIn(long subSecondTicks, int digits) =>
        digits >= 7 || subSecondTicks % (long)Math.Pow(10, 7 - digits) == 0;

    // Milliseconds are the common precision; finer parts get microseconds or full ticks.
    private static int NeededDigits(long subSecondTicks) => subSecondTicks switch
    {
        0 => 0,
        _ when subSecondTicks % TimeSpan.TicksPerMillisecond == 0 => 3,
        _ when subSecondTicks % TimeSpan.TicksPerMicrosecond == 0 => 6,
        _ => 7,
    };

    private static bool TryDate(int year, int month, int day, out DateTime date)
    {
        date = default;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
        return true;
    }

    private static TimeSpan ParseOffset(string text)
    {
        var sign = text[0] == '-' ? -1 : 1;
        var hours = int.Parse(text.AsSpan(1, 2), CultureInfo.InvariantCulture);
        var minutes = int.Parse(text.AsSpan(4, 2), CultureInfo.InvariantCulture);
        return sign * new TimeSpan(hours, minutes, 0);
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})(?:[Tt ](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(?<fraction>\.\d+)?(?<offset>[Zz]|[+-]\d{2}:\d{2})?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();
}
