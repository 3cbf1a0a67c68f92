using System.Text.RegularExpressions;

namespace OpenEoBridge.Geo.Time;

/// <summary>
/// A parsed CF time encoding: <c>&lt;unit&gt; since &lt;reference&gt;</c> plus its calendar, e.g.
/// <c>days since 1981-01-01</c> in <c>proleptic_gregorian</c>. Unit spellings are the ones cftime accepts.
/// </summary>
public sealed partial record CfTimeUnits(CfTimeUnit Unit, CalendarDateTime Reference)
{
    public CfCalendar Calendar => Reference.Calendar;

    /// <summary>Length of one unit in microseconds.</summary>
    public long UnitMicroseconds => Unit switch
    {
        CfTimeUnit.Microseconds => 1,
        CfTimeUnit.Milliseconds => 1_000,
        CfTimeUnit.Seconds => CalendarDateTime.MicrosecondsPerSecond,
        CfTimeUnit.Minutes => 60 * CalendarDateTime.MicrosecondsPerSecond,
        CfTimeUnit.Hours => 3_600 * CalendarDateTime.MicrosecondsPerSecond,
        CfTimeUnit.Days => CalendarDateTime.MicrosecondsPerDay,
        CfTimeUnit.Months => 30 * CalendarDateTime.MicrosecondsPerDay,
        CfTimeUnit.CommonYears => 365 * CalendarDateTime.MicrosecondsPerDay,
        _ => throw new InvalidOperationException($"Unknown unit {Unit}."),
    };

    /// <summary>Parses a CF <c>units</c> attribute for the given <c>calendar</c> attribute value (null = standard).</summary>
    public static CfTimeUnits Parse(string units, string? calendar) => Parse(units, CfCalendarNames.Parse(calendar));

    public static CfTimeUnits Parse(string units, CfCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(units);
        var match = Pattern().Match(units);
        if (!match.Success)
        {
            throw new FormatException($"'{units}' is not a CF time unit (expected '<days|hours|minutes|seconds|...> since <date>').");
        }

        var unit = ParseUnit(match.Groups["unit"].Value, units);
        if (unit == CfTimeUnit.Months && calendar != CfCalendar.Day360)
        {
            throw new FormatException($"'{units}': 'months since' is only defined for the 360_day calendar (months have no fixed length in {calendar.ToCfName()}).");
        }

        if (unit == CfTimeUnit.CommonYears && calendar != CfCalendar.NoLeap)
        {
            throw new FormatException($"'{units}': 'common_years since' is only defined for the noleap/365_day calendar.");
        }

        return new CfTimeUnits(unit, CalendarDateTimeParser.Parse(match.Groups["reference"].Value, calendar));
    }

    public static bool TryParse(string units, string? calendar, out CfTimeUnits? result)
    {
        try
        {
            result = Parse(units, calendar);
            return true;
        }
        catch (FormatException)
        {
            result = null;
            return false;
        }
    }

    /// <summary>Recognises a CF time coordinate by its units alone (no calendar needed).</summary>
    public static bool LooksLikeTimeUnits(string? units) => units is not null && Pattern().Match(units) is { Success: true } m
        && TryParseUnit(m.Groups["unit"].Value, out _);

    /// <summary>The attribute text, with the reference written the way xarray writes it.</summary>
    public override string ToString()
    {
        var reference = Reference.IsMidnight ? Reference.ToDateString() : Reference.ToRfc3339String().TrimEnd('Z').Replace('T', ' ');
        return $"{UnitName(Unit)} since {reference}";
    }

    public static string UnitName(CfTimeUnit unit) => unit switch
    {
        CfTimeUnit.Microseconds => "microseconds",
        CfTimeUnit.Milliseconds => "milliseconds",
        CfTimeUnit.Seconds => "seconds",
        CfTimeUnit.Minutes => "minutes",
        CfTimeUnit.Hours => "hours",
        CfTimeUnit.Days => "days",
        CfTimeUnit.Months => "months",
        CfTimeUnit.CommonYears => "common_years",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, null),
    };

    private static CfTimeUnit ParseUnit(string text, string units) => TryParseUnit(text, out var unit)
        ? unit
        : throw new FormatException(
            $"'{units}': unknown time unit '{text}' (use microseconds, milliseconds, seconds, minutes, hours or days; months only with 360_day, common_years only with noleap).");

    private static bool TryParseUnit(string text, out CfTimeUnit unit)
    {
        CfTimeUnit? parsed = text.ToLowerInvariant() switch
        {
            "microseconds" or "microsecond" or "microsecs" or "microsec" => CfTimeUnit.Microseconds,
            "milliseconds" or "millisecond" or "millisecs" or "millisec" or "msecs" or "msec" or "ms" => CfTimeUnit.Milliseconds,
            "seconds" or "second" or "secs" or "sec" or "s" => CfTimeUnit.Seconds,
            "minutes" or "minute" or "mins" or "min" => CfTimeUnit.Minutes,
            "hours" or "hour" or "hrs" or "hr" or "h" => CfTimeUnit.Hours,
            "days" or "day" or "d" => CfTimeUnit.Days,
            "months" or "month" => CfTimeUnit.Months,
            "common_years" or "common_year" => CfTimeUnit.CommonYears,
            _ => null,
        };
        unit = parsed.GetValueOrDefault();
        return parsed.HasValue;
    }

    [GeneratedRegex(@"^\s*(?<unit>[A-Za-z_]+)\s+since\s+(?<reference>.+?)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
