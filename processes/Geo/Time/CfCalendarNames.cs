namespace OpenEoBridge.Geo.Time;

/// <summary>Maps CF <c>calendar</c> attribute values to <see cref="CfCalendar"/> and back.</summary>
public static class CfCalendarNames
{
    /// <summary>The calendar CF prescribes when a time variable has no <c>calendar</c> attribute.</summary>
    public const CfCalendar Default = CfCalendar.Standard;

    /// <summary>Parses a CF calendar name (case-insensitive, aliases accepted); a missing value means <see cref="Default"/>.</summary>
    public static CfCalendar Parse(string? name)
    {
        if (TryParse(name, out var calendar))
        {
            return calendar;
        }

        throw new FormatException(
            $"Unknown CF calendar '{name}'. Supported: standard (gregorian), proleptic_gregorian, julian, noleap (365_day), all_leap (366_day), 360_day.");
    }

    public static bool TryParse(string? name, out CfCalendar calendar)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            calendar = Default;
            return true;
        }

        switch (name.Trim().ToLowerInvariant())
        {
            case "standard":
            case "gregorian":
                calendar = CfCalendar.Standard;
                return true;
            case "proleptic_gregorian":
                calendar = CfCalendar.ProlepticGregorian;
                return true;
            case "julian":
                calendar = CfCalendar.Julian;
                return true;
            case "noleap":
            case "365_day":
                calendar = CfCalendar.NoLeap;
                return true;
            case "all_leap":
            case "366_day":
                calendar = CfCalendar.AllLeap;
                return true;
            case "360_day":
                calendar = CfCalendar.Day360;
                return true;
            default:
                calendar = Default;
                return false;
        }
    }

    /// <summary>The canonical CF name written into attributes (the same spelling cftime and xarray write).</summary>
    public static string ToCfName(this CfCalendar calendar) => calendar switch
    {
        CfCalendar.Standard => "standard",
        CfCalendar.ProlepticGregorian => "proleptic_gregorian",
        CfCalendar.Julian => "julian",
        CfCalendar.NoLeap => "noleap",
        CfCalendar.AllLeap => "all_leap",
        CfCalendar.Day360 => "360_day",
        _ => throw new ArgumentOutOfRangeException(nameof(calendar), calendar, "Unknown calendar."),
    };
}
