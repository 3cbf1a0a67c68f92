using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Tests.Time;

public class CfTimeUnitsTests
{
    [Theory]
    [InlineData("days since 1981-01-01", null, CfTimeUnit.Days, "1981-01-01T00:00:00Z")]
    [InlineData("hours since 1900-01-01 00:00:00.0", "gregorian", CfTimeUnit.Hours, "1900-01-01T00:00:00Z")]
    [InlineData("Seconds Since 1970-01-01T00:00:00Z", "proleptic_gregorian", CfTimeUnit.Seconds, "1970-01-01T00:00:00Z")]
    [InlineData("msec since 2000-01-01 06:00 +05:30", "noleap", CfTimeUnit.Milliseconds, "2000-01-01T00:30:00Z")]
    [InlineData("months since 2000-01-01", "360_day", CfTimeUnit.Months, "2000-01-01T00:00:00Z")]
    [InlineData("common_years since 0-1-1", "365_day", CfTimeUnit.CommonYears, "0000-01-01T00:00:00Z")]
    public void Parses_units(string text, string? calendar, CfTimeUnit unit, string reference)
    {
        var units = CfTimeUnits.Parse(text, calendar);
        Assert.Equal(unit, units.Unit);
        Assert.Equal(reference, units.Reference.ToRfc3339String());
        Assert.True(CfTimeUnits.LooksLikeTimeUnits(text));
    }

    [Theory]
    [InlineData("months since 2000-01-01", "standard", "360_day")]
    [InlineData("common_years since 2000-01-01", "360_day", "noleap")]
    [InlineData("weeks since 2000-01-01", "standard", "weeks")]
    [InlineData("days after 2000-01-01", "standard", "since")]
    [InlineData("days since 0000-01-01", "standard", "year 0")]
    [InlineData("days since 2000-02-30", "noleap", "2000-02-30")]
    public void Refuses_bad_units_with_a_reason(string text, string calendar, string reasonPart)
    {
        var error = Assert.Throws<FormatException>(() => CfTimeUnits.Parse(text, calendar));
        Assert.Contains(reasonPart, error.Message);
    }

    [Fact]
    public void Writes_units_like_xarray()
    {
        Assert.Equal("days since 1981-01-01", CfTimeUnits.Parse("days since 1981-1-1 00:00:00", "standard").ToString());
        Assert.Equal("hours since 1900-01-01 06:00:00", CfTimeUnits.Parse("hours since 1900-01-01T06:00Z", "standard").ToString());
        Assert.False(CfTimeUnits.LooksLikeTimeUnits("degrees_north"));
        Assert.False(CfTimeUnits.LooksLikeTimeUnits("m s-1"));
    }

    [Fact]
    public void Chooses_the_coarsest_exact_unit_and_round_trips()
    {
        var days = new[] { new CalendarDateTime(CfCalendar.Day360, 2000, 2, 30), new CalendarDateTime(CfCalendar.Day360, 2000, 3, 1) };
        Assert.Equal(CfTimeUnit.Days, CfTimeCoder.ChooseUnits(days, CfCalendar.Day360).Unit);
        var hourly = days.Append(days[0].AddSeconds(3600.0)).ToArray();
        var units = CfTimeCoder.ChooseUnits(hourly, CfCalendar.Day360);
        Assert.Equal(CfTimeUnit.Hours, units.Unit);
        var coder = new CfTimeCoder(units);
        Assert.All(hourly, label => Assert.Equal(label, coder.Decode(coder.EncodeExact(label))));
        Assert.Throws<ArgumentException>(() => coder.EncodeExact(days[0].AddSeconds(1.0)));
    }

    [Fact]
    public void Non_finite_offsets_are_refused()
    {
        var coder = CfTimeCoder.FromAttributes("days since 2000-01-01", "standard");
        Assert.Throws<ArgumentOutOfRangeException>(() => coder.Decode(double.NaN));
        Assert.Throws<OverflowException>(() => coder.Decode(1e300));
    }
}
