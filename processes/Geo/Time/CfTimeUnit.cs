namespace OpenEoBridge.Geo.Time;

/// <summary>The unit before <c>since</c> in a CF time <c>units</c> attribute.</summary>
public enum CfTimeUnit
{
    Microseconds,
    Milliseconds,
    Seconds,
    Minutes,
    Hours,
    Days,

    /// <summary>30 days; only meaningful (and only accepted, as in cftime) for the 360_day calendar.</summary>
    Months,

    /// <summary>365 days; only accepted for the noleap calendar, as in cftime.</summary>
    CommonYears,
}
