using System.Globalization;
using System.Text;

namespace OpenEoBridge.Geo.Time;

/// <summary>
/// A time label in a CF calendar, kept as the calendar writes it (360_day 2000-02-30 is a valid value), with
/// microsecond resolution like cftime. Arithmetic counts real elapsed time inside that calendar. Values of
/// different calendars are never compared or subtracted: there is no meaningful mapping between them.
/// </summary>
public readonly struct CalendarDateTime : IEquatable<CalendarDateTime>, IComparable<CalendarDateTime>
{
    public const long MicrosecondsPerSecond = 1_000_000;
    public const long MicrosecondsPerDay = 86_400 * MicrosecondsPerSecond;

    // Microseconds since the (hidden) day zero of the calendar; one number makes arithmetic and ordering exact.
    private readonly long _instant;

    public CalendarDateTime(CfCalendar calendar, int year, int month, int day, int hour = 0, int minute = 0, int second = 0, int microsecond = 0)
    {
        var system = CalendarSystem.For(calendar);
        var reason = system.Validate(year, month, day)
            ?? (hour is < 0 or > 23 ? $"hour {hour} is outside 0..23" : null)
            ?? (minute is < 0 or > 59 ? $"minute {minute} is outside 0..59" : null)
            ?? (second is < 0 or > 59 ? $"second {second} is outside 0..59" : null)
            ?? (microsecond is < 0 or > 999_999 ? $"microsecond {microsecond} is outside 0..999999" : null);
        if (reason is not null)
        {
            throw new ArgumentOutOfRangeException(
                nameof(day), $"{year:D4}-{month:D2}-{day:D2}T{hour:D2}:{minute:D2}:{second:D2} is not a valid {calendar.ToCfName()} date: {reason}.");
        }

        Calendar = calendar;
        _instant = checked((system.ToDayNumber(year, month, day) * MicrosecondsPerDay)
            + ((((hour * 60L) + minute) * 60 + second) * MicrosecondsPerSecond) + microsecond);
    }

    private CalendarDateTime(CfCalendar calendar, long instant)
    {
        Calendar = calendar;
        _instant = instant;
    }

    public CfCalendar Calendar { get; }

    public int Year => Date.Year;

    public int Month => Date.Month;

    public int Day => Date.Day;

    public int Hour => (int)(MicrosecondOfDay / (3600 * MicrosecondsPerSecond));

    public int Minute => (int)(MicrosecondOfDay / (60 * MicrosecondsPerSecond) % 60);

    public int Second => (int)(MicrosecondOfDay / MicrosecondsPerSecond % 60);

    public int Microsecond => (int)(MicrosecondOfDay % MicrosecondsPerSecond);

    /// <summary>Seconds including the fraction, e.g. 42.5.</summary>
    public double SecondWithFraction => Second + (Microsecond / (double)MicrosecondsPerSecond);

    /// <summary>True when the label is 00:00:00 of its day.</summary>
    public bool IsMidnight => MicrosecondOfDay == 0;

    private long DayNumber => FloorDiv(_instant, MicrosecondsPerDay);

    private long MicrosecondOfDay => _instant - (DayNumber * MicrosecondsPerDay);

    private (int Year, int Month, int Day) Date => CalendarSystem.For(Calendar).FromDayNumber(DayNumber);

    /// <summary>True when the date exists in the calendar (e.g. 2000-02-30 only in 360_day).</summary>
    public static bool IsValid(CfCalendar calendar, int year, int month, int day) =>
        CalendarSystem.For(calendar).Validate(year, month, day) is null;

    public static int DaysInMonth(CfCalendar calendar, int year, int month) =>
        month is >= 1 and <= 12 ? CalendarSystem.For(calendar).DaysInMonth(year, month)
            : throw new ArgumentOutOfRangeException(nameof(month), month, "Month must be 1..12.");

    public CalendarDateTime AddMicroseconds(long microseconds) => new(Calendar, checked(_instant + microseconds));

    /// <summary>Adds seconds, rounded to the nearest microsecond (ties to even, as cftime does).</summary>
    public CalendarDateTime AddSeconds(double seconds) => AddMicroseconds(RoundToMicroseconds(seconds * MicrosecondsPerSecond));

    public CalendarDateTime AddDays(double days) => AddMicroseconds(RoundToMicroseconds(days * MicrosecondsPerDay));

    public CalendarDateTime AddDays(long days) => AddMicroseconds(checked(days * MicrosecondsPerDay));

    public CalendarDateTime Add(TimeSpan span) => AddMicroseconds(span.Ticks / TimeSpan.TicksPerMicrosecond);

    /// <summary>Elapsed microseconds from <paramref name="other"/> to this label (same calendar only).</summary>
    public long MicrosecondsSince(CalendarDateTime other)
    {
        RequireSameCalendar(other);
        return checked(_instant - other._instant);
    }

    public TimeSpan Subtract(CalendarDateTime other) => TimeSpan.FromTicks(checked(MicrosecondsSince(other) * TimeSpan.TicksPerMicrosecond));

    public static TimeSpan operator -(CalendarDateTime left, CalendarDateTime right) => left.Subtract(right);

    public static CalendarDateTime operator +(CalendarDateTime left, TimeSpan right) => left.Add(right);

    public int CompareTo(CalendarDateTime other)
    {
        RequireSameCalendar(other);
        return _instant.CompareTo(other._instant);
    }

    public bool Equals(CalendarDateTime other) => Calendar == other.Calendar && _instant == other._instant;

    public override bool Equals(object? obj) => obj is CalendarDateTime other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Calendar, _instant);

    public static bool operator ==(CalendarDateTime left, CalendarDateTime right) => left.Equals(right);

    public static bool operator !=(CalendarDateTime left, CalendarDateTime right) => !left.Equals(right);

    public static bool operator <(CalendarDateTime left, CalendarDateTime right) => left.CompareTo(right) < 0;

    public static bool operator >(CalendarDateTime left, CalendarDateTime right) => left.CompareTo(right) > 0;

    public static bool operator <=(CalendarDateTime left, CalendarDateTime right) => left.CompareTo(right) <= 0;

    public static bool operator >=(CalendarDateTime left, CalendarDateTime right) => left.CompareTo(right) >= 0;

    /// <summary>
    /// The label as an openEO/RFC 3339 string: the calendar's own fields, UTC, fraction only when non-zero
    /// (see processes/Geo/CALENDARS.md), e.g. <c>2000-02-30T00:00:00Z</c> for a 360_day label.
    /// </summary>
    public string ToRfc3339String()
    {
        var (year, month, day) = Date;
        var text = new StringBuilder(32);
        text.Append(FormatYear(year)).Append(CultureInfo.InvariantCulture, $"-{month:D2}-{day:D2}T{Hour:D2}:{Minute:D2}:{Second:D2}");
        if (Microsecond != 0)
        {
            text.Append('.').Append(Microsecond.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0'));
        }

        return text.Append('Z').ToString();
    }

    /// <summary>Date only (<c>yyyy-MM-dd</c>), for labels known to be midnight.</summary>
    public string ToDateString()
    {
        var (year, month, day) = Date;
        return FormatYear(year) + string.Create(CultureInfo.InvariantCulture, $"-{month:D2}-{day:D2}");
    }

    public override string ToString() => ToRfc3339String();

    /// <summary>Parses a label written by <see cref="ToRfc3339String"/> or any RFC 3339 / ISO 8601 date(-time) in this calendar.</summary>
    public static CalendarDateTime Parse(string text, CfCalendar calendar) => CalendarDateTimeParser.Parse(text, calendar);

    public static bool TryParse(string text, CfCalendar calendar, out CalendarDateTime value)
    {
        try
        {
            value = Parse(text, calendar);
            return true;
        }
        catch (FormatException)
        {
            value = default;
            return false;
        }
    }

    /// <summary>The same instant as a <see cref="DateTimeOffset"/>; only for calendars whose dates are real-world Gregorian dates.</summary>
    public DateTimeOffset ToDateTimeOffset()
    {
        var (year, month, day) = Date;
        var isGregorianDate = Calendar == CfCalendar.ProlepticGregorian
            || (Calendar == CfCalendar.Standard && (year, month, day).CompareTo((1582, 10, 15)) >= 0);
        if (!isGregorianDate || year is < 1 or > 9999)
        {
            throw new InvalidOperationException($"{ToRfc3339String()} ({Calendar.ToCfName()}) has no proleptic Gregorian equivalent in years 1..9999.");
        }

        return new DateTimeOffset(year, month, day, Hour, Minute, Second, TimeSpan.Zero).AddTicks(Microsecond * TimeSpan.TicksPerMicrosecond);
    }

    public static CalendarDateTime FromDateTimeOffset(DateTimeOffset value, CfCalendar calendar = CfCalendar.ProlepticGregorian)
    {
        var utc = value.UtcDateTime;
        return new CalendarDateTime(calendar, utc.Year, utc.Month, utc.Day, utc.Hour, utc.Minute, utc.Second,
            (int)(utc.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMicrosecond));
    }

    internal static long RoundToMicroseconds(double microseconds)
    {
        if (!double.IsFinite(microseconds) || Math.Abs(microseconds) > 9.2e18)
        {
            throw new OverflowException($"Time offset {microseconds} µs is not finite or out of range.");
        }

        return (long)Math.Round(microseconds, MidpointRounding.ToEven);
    }

    // RFC 3339 has four-digit years; ISO 8601 expanded years (sign + digits) cover the rest.
    private static string FormatYear(int year) => year is >= 0 and <= 9999
        ? year.ToString("D4", CultureInfo.InvariantCulture)
        : (year < 0 ? "-" : "+") + Math.Abs((long)year).ToString("D4", CultureInfo.InvariantCulture);

    private static long FloorDiv(long a, long b)
    {
        var quotient = a / b;
        return a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient;
    }

    private void RequireSameCalendar(CalendarDateTime other)
    {
        if (other.Calendar != Calendar)
        {
            throw new InvalidOperationException(
                $"Cannot compare a {Calendar.ToCfName()} label with a {other.Calendar.ToCfName()} label: the calendars have no common time line.");
        }
    }
}
