namespace OpenEoBridge.Geo.Time;

/// <summary>Decodes CF time offsets to calendar labels and encodes labels back, exactly for integers and to the microsecond for floats.</summary>
public sealed class CfTimeCoder(CfTimeUnits units)
{
    public CfTimeUnits Units { get; } = units ?? throw new ArgumentNullException(nameof(units));

    public static CfTimeCoder FromAttributes(string units, string? calendar) => new(CfTimeUnits.Parse(units, calendar));

    public CalendarDateTime Decode(long offset) => Units.Reference.AddMicroseconds(checked(offset * Units.UnitMicroseconds));

    public CalendarDateTime Decode(double offset)
    {
        if (!double.IsFinite(offset))
        {
            throw new ArgumentOutOfRangeException(nameof(offset), offset, "A time offset must be finite (NaN marks a missing label, which has no date).");
        }

        // Integral values take the exact integer path so large offsets do not pick up floating-point error.
        return Math.Abs(offset) < 9e15 && offset == Math.Floor(offset)
            ? Decode((long)offset)
            : Units.Reference.AddMicroseconds(CalendarDateTime.RoundToMicroseconds(offset * Units.UnitMicroseconds));
    }

    public CalendarDateTime[] Decode(ReadOnlySpan<long> offsets)
    {
        var labels = new CalendarDateTime[offsets.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            labels[i] = Decode(offsets[i]);
        }

        return labels;
    }

    public CalendarDateTime[] Decode(ReadOnlySpan<double> offsets)
    {
        var labels = new CalendarDateTime[offsets.Length];
        for (var i = 0; i < offsets.Length; i++)
        {
            labels[i] = Decode(offsets[i]);
        }

        return labels;
    }

    /// <summary>Offset of <paramref name="label"/> in units since the reference (may have a fraction).</summary>
    public double Encode(CalendarDateTime label) => (double)label.MicrosecondsSince(Units.Reference) / Units.UnitMicroseconds;

    /// <summary>Whole-unit offset; fails when the label is not a whole number of units from the reference.</summary>
    public long EncodeExact(CalendarDateTime label)
    {
        var microseconds = label.MicrosecondsSince(Units.Reference);
        var remainder = microseconds % Units.UnitMicroseconds;
        return remainder == 0
            ? microseconds / Units.UnitMicroseconds
            : throw new ArgumentException($"{label} is not a whole number of {CfTimeUnits.UnitName(Units.Unit)} after {Units.Reference}.", nameof(label));
    }

    /// <summary>
    /// The units we write for a set of labels: the coarsest of days..microseconds that encodes every label as an
    /// integer, counted from 1970-01-01 (a date that exists in every CF calendar), as xarray would choose.
    /// </summary>
    public static CfTimeUnits ChooseUnits(IEnumerable<CalendarDateTime> labels, CfCalendar calendar)
    {
        var reference = new CalendarDateTime(calendar, 1970, 1, 1);
        CfTimeUnit[] candidates = [CfTimeUnit.Days, CfTimeUnit.Hours, CfTimeUnit.Minutes, CfTimeUnit.Seconds, CfTimeUnit.Milliseconds, CfTimeUnit.Microseconds];
        var chosen = 0;
        foreach (var label in labels)
        {
            var microseconds = label.MicrosecondsSince(reference);
            while (microseconds % new CfTimeUnits(candidates[chosen], reference).UnitMicroseconds != 0)
            {
                chosen++;
            }
        }

        return new CfTimeUnits(candidates[chosen], reference);
    }
}
