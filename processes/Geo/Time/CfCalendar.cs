namespace OpenEoBridge.Geo.Time;

/// <summary>The calendars CF defines (CF 1.11 section 4.4.1). Aliases are folded into one member.</summary>
public enum CfCalendar
{
    /// <summary><c>standard</c> / <c>gregorian</c>: Julian before 1582-10-15, Gregorian from then on; 1582-10-05..14 do not exist.</summary>
    Standard,

    /// <summary><c>proleptic_gregorian</c>: Gregorian rules extended backwards (ISO 8601, what pandas and .NET use).</summary>
    ProlepticGregorian,

    /// <summary><c>julian</c>: every fourth year is a leap year.</summary>
    Julian,

    /// <summary><c>noleap</c> / <c>365_day</c>: no leap years.</summary>
    NoLeap,

    /// <summary><c>all_leap</c> / <c>366_day</c>: every year is a leap year.</summary>
    AllLeap,

    /// <summary><c>360_day</c>: twelve months of thirty days.</summary>
    Day360,
}
