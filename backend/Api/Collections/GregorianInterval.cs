using System.Globalization;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>
/// STAC's <c>extent.temporal</c> is in the Gregorian calendar and must hold valid RFC 3339 date-times. Labels of other
/// calendars are written with their own fields (processes/Geo/CALENDARS.md) where those form a real date; a label that
/// does not (360_day 30 February, all_leap 29 February of a common year) is widened to cover it: a start moves to the
/// last real day of its month, an end to the first day of the next month. Years outside 1..9999 give an open end.
/// The exact labels, in the cube's calendar, are in <c>cube:dimensions</c>.
/// </summary>
public static class GregorianInterval
{
    public static string? Start(CalendarDateTime label) => Write(label, isEnd: false);

    public static string? End(CalendarDateTime label) => Write(label, isEnd: true);

    private static string? Write(CalendarDateTime label, bool isEnd)
    {
        if (label.Year is < 1 or > 9999)
        {
            return null;
        }

        if (label.Day <= DateTime.DaysInMonth(label.Year, label.Month))
        {
            return label.ToRfc3339String();
        }

        if (!isEnd)
        {
            var last = DateTime.DaysInMonth(label.Year, label.Month);
            return string.Create(CultureInfo.InvariantCulture, $"{label.Year:D4}-{label.Month:D2}-{last:D2}T00:00:00Z");
        }

        var next = new DateTime(label.Year, label.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(1);
        return next.Year > 9999 ? null : next.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
    }
}
