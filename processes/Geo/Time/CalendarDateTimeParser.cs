using System.Globalization;
using System.Text.RegularExpressions;

namespace OpenEoBridge.Geo.Time;

/// <summary>
/// Reads date(-time) text in the forms RFC 3339, ISO 8601 and the CF/UDUNITS reference dates use:
/// <c>2000-02-30T00:00:00Z</c>, <c>1981-01-01</c>, <c>1900-01-01 00:00:00.0</c>, <c>1-1-1</c>, <c>-100-01-01</c>,
/// <c>2000-01-01 06:00 +05:30</c>, <c>1970-01-01 00:00:00 UTC</c>. A time-zone offset is applied so the result is UTC.
/// </summary>
internal static partial class CalendarDateTimeParser
{
    public static CalendarDateTime Parse(string text, CfCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = Pattern().Match(text);
        if (!match.Success)
        {
            throw new FormatException($"'{text}' is not a date or date-time (expected e.g. 2000-01-31 or 2000-01-31T12:00:00Z).");
        }

        try
        {
            var value = new CalendarDateTime(
                calendar,
                ParseInt(match.Groups["year"]),
                ParseInt(match.Groups["month"]),
                ParseInt(match.Groups["day"]),
                ParseInt(match.Groups["hour"]),
                ParseInt(match.Groups["minute"]),
                ParseInt(match.Groups["second"]));
            value = value.AddMicroseconds(ParseFractionMicroseconds(match.Groups["fraction"]));
            return value.AddMicroseconds(-ParseZoneMicroseconds(match.Groups["zone"].Value));
        }
        catch (ArgumentOutOfRangeException e)
        {
            throw new FormatException($"'{text}': {e.Message}", e);
        }
        catch (OverflowException e)
        {
            throw new FormatException($"'{text}' is out of the supported range.", e);
        }
    }

    private static int ParseInt(Group group) =>
        group.Success ? int.Parse(group.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture) : 0;

    private static long ParseFractionMicroseconds(Group group)
    {
        if (!group.Success)
        {
            return 0;
        }

        var fraction = decimal.Parse("0." + group.Value, CultureInfo.InvariantCulture);
        return (long)Math.Round(fraction * CalendarDateTime.MicrosecondsPerSecond, MidpointRounding.ToEven);
    }

    private static long ParseZoneMicroseconds(string zone)
    {
        if (zone.Length == 0 || zone is "Z" or "z" || zone.Equals("UTC", StringComparison.OrdinalIgnoreCase) || zone.Equals("GMT", StringComparison.OrdinalIgnoreCase))
        {
            return 0;
        }

        var sign = zone[0] == '-' ? -1 : 1;
        var digits = zone[1..].Replace(":", string.Empty, StringComparison.Ordinal);
        var (hours, minutes) = digits.Length <= 2
            ? (int.Parse(digits, CultureInfo.InvariantCulture), 0)
            : (int.Parse(digits[..^2], CultureInfo.InvariantCulture), int.Parse(digits[^2..], CultureInfo.InvariantCulture));
        if (hours > 14 || minutes > 59)
        {
            throw new FormatException($"Time-zone offset '{zone}' is out of range.");
        }

        return sign * ((hours * 60L) + minutes) * 60 * CalendarDateTime.MicrosecondsPerSecond;
    }

    [GeneratedRegex(
        @"^\s*(?<year>[+-]?\d{1,9})-(?<month>\d{1,2})-(?<day>\d{1,2})(?:(?:[Tt]|\s+)(?<hour>\d{1,2})(?::(?<minute>\d{1,2})(?::(?<second>\d{1,2})(?:[.,](?<fraction>\d{1,12}))?)?)?)?\s*(?<zone>[Zz]|UTC|GMT|[+-]\d{1,2}(?::?\d{2})?)?\s*$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();
}
