namespace OpenEoBridge.Geo.Time;

/// <summary>
/// Day-counting rules of one CF calendar: which dates exist and a continuous day number for each, so that
/// arithmetic is plain integer arithmetic. Years are as the calendar writes them; for calendars without a year
/// zero (standard, julian — CF 1.9 and cftime's default) year -1 directly precedes year 1.
/// </summary>
internal abstract class CalendarSystem
{
    private static readonly int[] CommonMonthDays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    private static readonly int[] LeapMonthDays = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

    public abstract bool HasYearZero { get; }

    public abstract int DaysInMonth(int year, int month);

    /// <summary>Continuous day number of a valid date (the origin differs per calendar and is never exposed).</summary>
    public abstract long ToDayNumber(int year, int month, int day);

    public abstract (int Year, int Month, int Day) FromDayNumber(long dayNumber);

    public static CalendarSystem For(CfCalendar calendar) => calendar switch
    {
        CfCalendar.Standard => MixedGregorian.Instance,
        CfCalendar.ProlepticGregorian => Gregorian.Instance,
        CfCalendar.Julian => JulianCalendar.Instance,
        CfCalendar.NoLeap => FixedYear.NoLeap,
        CfCalendar.AllLeap => FixedYear.AllLeap,
        CfCalendar.Day360 => ThirtyDayMonths.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(calendar), calendar, "Unknown calendar."),
    };

    /// <summary>Null when the date exists, else the reason it does not.</summary>
    public virtual string? Validate(int year, int month, int day)
    {
        if (year == 0 && !HasYearZero)
        {
            return "year 0 does not exist in this calendar (year -1 precedes year 1)";
        }

        if (month is < 1 or > 12)
        {
            return $"month {month} is outside 1..12";
        }

        var days = DaysInMonth(year, month);
        return day < 1 || day > days ? $"day {day} is outside 1..{days} for {year:D4}-{month:D2}" : null;
    }

    protected int AstronomicalYear(int year) => HasYearZero || year > 0 ? year : year + 1;

    protected int CalendarYear(int astronomicalYear) =>
        HasYearZero || astronomicalYear > 0 ? astronomicalYear : astronomicalYear - 1;

    protected static long FloorDiv(long a, long b)
    {
        var quotient = a / b;
        return a % b != 0 && (a < 0) != (b < 0) ? quotient - 1 : quotient;
    }

    private static int[] MonthDays(bool leap) => leap ? LeapMonthDays : CommonMonthDays;

    private static bool IsGregorianLeap(long y) => (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

    private static bool IsJulianLeap(long y) => y % 4 == 0;

    // Fliegel & Van Flandern style Julian Day Numbers, written with floor division so they hold for any year.
    protected static long GregorianJdn(long y, int m, int d)
    {
        long a = (14 - m) / 12;
        var y2 = y + 4800 - a;
        var m2 = m + (12 * a) - 3;
        return d + FloorDiv((153 * m2) + 2, 5) + (365 * y2) + FloorDiv(y2, 4) - FloorDiv(y2, 100) + FloorDiv(y2, 400) - 32045;
    }

    protected static long JulianJdn(long y, int m, int d)
    {
        long a = (14 - m) / 12;
        var y2 = y + 4800 - a;
        var m2 = m + (12 * a) - 3;
        return d + FloorDiv((153 * m2) + 2, 5) + (365 * y2) + FloorDiv(y2, 4) - 32083;
    }

    protected static (long Y, int M, int D) GregorianFromJdn(long jdn)
    {
        var a = jdn + 32044;
        var b = FloorDiv((4 * a) + 3, 146097);
        var c = a - FloorDiv(146097 * b, 4);
        return FinishFromJdn(b, c);
    }

    protected static (long Y, int M, int D) JulianFromJdn(long jdn) => FinishFromJdn(0, jdn + 32082);

    private static (long Y, int M, int D) FinishFromJdn(long b, long c)
    {
        var d = FloorDiv((4 * c) + 3, 1461);
        var e = c - FloorDiv(1461 * d, 4);
        var m = FloorDiv((5 * e) + 2, 153);
        var day = e - FloorDiv((153 * m) + 2, 5) + 1;
        var month = m + 3 - (12 * FloorDiv(m, 10));
        var year = (100 * b) + d - 4800 + FloorDiv(m, 10);
        return (year, (int)month, (int)day);
    }

    private sealed class Gregorian : CalendarSystem
    {
        public static readonly Gregorian Instance = new();

        public override bool HasYearZero => true;

        public override int DaysInMonth(int year, int month) => MonthDays(IsGregorianLeap(year))[month - 1];

        public override long ToDayNumber(int year, int month, int day) => GregorianJdn(year, month, day);

        public override (int Year, int Month, int Day) FromDayNumber(long dayNumber)
        {
            var (y, m, d) = GregorianFromJdn(dayNumber);
            return (checked((int)y), m, d);
        }
    }

    private sealed class JulianCalendar : CalendarSystem
    {
        public static readonly JulianCalendar Instance = new();

        public override bool HasYearZero => false;

        public override int DaysInMonth(int year, int month) => MonthDays(IsJulianLeap(AstronomicalYear(year)))[month - 1];

        public override long ToDayNumber(int year, int month, int day) => JulianJdn(AstronomicalYear(year), month, day);

        public override (int Year, int Month, int Day) FromDayNumber(long dayNumber)
        {
            var (y, m, d) = JulianFromJdn(dayNumber);
            return (CalendarYear(checked((int)y)), m, d);
        }
    }

    /// <summary>CF "standard": Julian up to 1582-10-04, Gregorian from 1582-10-15 (Julian Day 2299161).</summary>
    private sealed class MixedGregorian : CalendarSystem
    {
        public static readonly MixedGregorian Instance = new();
        private const long FirstGregorianJdn = 2299161;

        public override bool HasYearZero => false;

        public override int DaysInMonth(int year, int month)
        {
            var astronomical = AstronomicalYear(year);
            return astronomical > 1582 || (astronomical == 1582 && month > 10)
                ? MonthDays(IsGregorianLeap(astronomical))[month - 1]
                : MonthDays(IsJulianLeap(astronomical))[month - 1];
        }

        public override string? Validate(int year, int month, int day) =>
            year == 1582 && month == 10 && day is > 4 and < 15
                ? "1582-10-05 .. 1582-10-14 do not exist in the standard calendar (Julian to Gregorian switch)"
                : base.Validate(year, month, day);

        public override long ToDayNumber(int year, int month, int day)
        {
            var astronomical = AstronomicalYear(year);
            var gregorian = (astronomical, month, day).CompareTo((1582, 10, 15)) >= 0;
            return gregorian ? GregorianJdn(astronomical, month, day) : JulianJdn(astronomical, month, day);
        }

        public override (int Year, int Month, int Day) FromDayNumber(long dayNumber)
        {
            var (y, m, d) = dayNumber >= FirstGregorianJdn ? GregorianFromJdn(dayNumber) : JulianFromJdn(dayNumber);
            return (CalendarYear(checked((int)y)), m, d);
        }
    }

    private sealed class FixedYear(int[] monthDays) : CalendarSystem
    {
        public static readonly FixedYear NoLeap = new(CommonMonthDays);
        public static readonly FixedYear AllLeap = new(LeapMonthDays);

        private readonly int[] _firstDayOfMonth = CumulativeStarts(monthDays);
        private readonly int _yearLength = monthDays.Sum();

        public override bool HasYearZero => true;

        public override int DaysInMonth(int year, int month) => monthDays[month - 1];

        public override long ToDayNumber(int year, int month, int day) =>
            ((long)year * _yearLength) + _firstDayOfMonth[month - 1] + day - 1;

        public override (int Year, int Month, int Day) FromDayNumber(long dayNumber)
        {
            var year = FloorDiv(dayNumber, _yearLength);
            var dayOfYear = (int)(dayNumber - (year * _yearLength));
            var month = 12;
            while (_firstDayOfMonth[month - 1] > dayOfYear)
            {
                month--;
            }

            return (checked((int)year), month, dayOfYear - _firstDayOfMonth[month - 1] + 1);
        }

        private static int[] CumulativeStarts(int[] days)
        {
            var starts = new int[12];
            for (var i = 1; i < 12; i++)
            {
                starts[i] = starts[i - 1] + days[i - 1];
            }

            return starts;
        }
    }

    private sealed class ThirtyDayMonths : CalendarSystem
    {
        public static readonly ThirtyDayMonths Instance = new();

        public override bool HasYearZero => true;

        public override int DaysInMonth(int year, int month) => 30;

        public override long ToDayNumber(int year, int month, int day) => ((long)year * 360) + ((month - 1) * 30) + day - 1;

        public override (int Year, int Month, int Day) FromDayNumber(long dayNumber)
        {
            var year = FloorDiv(dayNumber, 360);
            var dayOfYear = (int)(dayNumber - (year * 360));
            return (checked((int)year), (dayOfYear / 30) + 1, (dayOfYear % 30) + 1);
        }
    }
}
