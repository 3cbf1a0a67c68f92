using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Geo.Tests.Time;

public class CalendarDateTimeTests
{
    [Theory]
    [InlineData(CfCalendar.Day360, 2000, 2, 30, true)]
    [InlineData(CfCalendar.Day360, 2001, 2, 30, true)]
    [InlineData(CfCalendar.Day360, 2000, 1, 31, false)]
    [InlineData(CfCalendar.NoLeap, 2000, 2, 29, false)]
    [InlineData(CfCalendar.AllLeap, 2001, 2, 29, true)]
    [InlineData(CfCalendar.ProlepticGregorian, 1900, 2, 29, false)]
    [InlineData(CfCalendar.ProlepticGregorian, 2000, 2, 29, true)]
    [InlineData(CfCalendar.Julian, 1900, 2, 29, true)]
    [InlineData(CfCalendar.Standard, 1500, 2, 29, true)]
    [InlineData(CfCalendar.Standard, 1700, 2, 29, false)]
    [InlineData(CfCalendar.Standard, 1582, 10, 10, false)]
    [InlineData(CfCalendar.Standard, 1582, 10, 4, true)]
    [InlineData(CfCalendar.Standard, 1582, 10, 15, true)]
    [InlineData(CfCalendar.ProlepticGregorian, 1582, 10, 10, true)]
    [InlineData(CfCalendar.Standard, 0, 1, 1, false)]
    [InlineData(CfCalendar.ProlepticGregorian, 0, 1, 1, true)]
    public void Validates_dates_per_calendar(CfCalendar calendar, int year, int month, int day, bool valid)
    {
        Assert.Equal(valid, CalendarDateTime.IsValid(calendar, year, month, day));
        if (valid)
        {
            var label = new CalendarDateTime(calendar, year, month, day);
            Assert.Equal((year, month, day), (label.Year, label.Month, label.Day));
        }
        else
        {
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new CalendarDateTime(calendar, year, month, day));
            Assert.Contains(calendar.ToCfName(), error.Message);
        }
    }

    [Fact]
    public void Thirtieth_of_February_survives_arithmetic_and_text_round_trips()
    {
        var label = new CalendarDateTime(CfCalendar.Day360, 2000, 2, 29).AddDays(1L);
        Assert.Equal("2000-02-30T00:00:00Z", label.ToRfc3339String());
        Assert.Equal(new CalendarDateTime(CfCalendar.Day360, 2000, 3, 1), label.AddDays(1L));
        Assert.Equal(label, CalendarDateTime.Parse(label.ToRfc3339String(), CfCalendar.Day360));
        Assert.Throws<FormatException>(() => CalendarDateTime.Parse("2000-02-30T00:00:00Z", CfCalendar.ProlepticGregorian));
    }

    [Theory]
    [InlineData(CfCalendar.Standard, 1582, 10, 4, 1582, 10, 15)]
    [InlineData(CfCalendar.NoLeap, 2000, 2, 28, 2000, 3, 1)]
    [InlineData(CfCalendar.AllLeap, 2001, 2, 28, 2001, 2, 29)]
    [InlineData(CfCalendar.Julian, 1900, 2, 28, 1900, 2, 29)]
    [InlineData(CfCalendar.ProlepticGregorian, 1900, 2, 28, 1900, 3, 1)]
    [InlineData(CfCalendar.Day360, 1999, 12, 30, 2000, 1, 1)]
    [InlineData(CfCalendar.Standard, -1, 12, 31, 1, 1, 1)]
    [InlineData(CfCalendar.ProlepticGregorian, 0, 12, 31, 1, 1, 1)]
    public void Next_day_follows_the_calendar(CfCalendar calendar, int y1, int m1, int d1, int y2, int m2, int d2)
    {
        var day = new CalendarDateTime(calendar, y1, m1, d1);
        var next = new CalendarDateTime(calendar, y2, m2, d2);
        Assert.Equal(next, day.AddDays(1L));
        Assert.Equal(TimeSpan.FromDays(1), next - day);
        Assert.True(day < next);
    }

    [Theory]
    [InlineData(CfCalendar.NoLeap, 365)]
    [InlineData(CfCalendar.AllLeap, 366)]
    [InlineData(CfCalendar.Day360, 360)]
    [InlineData(CfCalendar.ProlepticGregorian, 366)]
    public void Year_lengths_differ_per_calendar(CfCalendar calendar, int daysIn2000)
    {
        var start = new CalendarDateTime(calendar, 2000, 1, 1);
        var end = new CalendarDateTime(calendar, 2001, 1, 1);
        Assert.Equal(daysIn2000, (end - start).TotalDays);
    }

    [Fact]
    public void Seconds_with_fraction_round_to_microseconds()
    {
        var label = new CalendarDateTime(CfCalendar.NoLeap, 2000, 12, 31, 23, 59, 59).AddSeconds(0.2500004);
        Assert.Equal((2000, 12, 31, 23, 59, 59, 250000), (label.Year, label.Month, label.Day, label.Hour, label.Minute, label.Second, label.Microsecond));
        Assert.Equal(59.25, label.SecondWithFraction);
        Assert.Equal("2000-12-31T23:59:59.25Z", label.ToRfc3339String());
        Assert.Equal(new CalendarDateTime(CfCalendar.NoLeap, 2001, 1, 1), label.AddSeconds(0.75));
    }

    [Fact]
    public void Different_calendars_do_not_compare()
    {
        var a = new CalendarDateTime(CfCalendar.NoLeap, 2000, 1, 1);
        var b = new CalendarDateTime(CfCalendar.Day360, 2000, 1, 1);
        Assert.NotEqual(a, b);
        Assert.Throws<InvalidOperationException>(() => a.CompareTo(b));
        Assert.Throws<InvalidOperationException>(() => a - b);
    }

    [Theory]
    [InlineData("2000-01-31", "2000-01-31T00:00:00Z")]
    [InlineData("2000-01-31T12:30:00Z", "2000-01-31T12:30:00Z")]
    [InlineData("2000-01-31t12:30:00.5+02:00", "2000-01-31T10:30:00.5Z")]
    [InlineData("2000-03-01T01:00:00+0200", "2000-02-29T23:00:00Z")]
    [InlineData("1900-01-01 00:00:00.0", "1900-01-01T00:00:00Z")]
    [InlineData("1-1-1", "0001-01-01T00:00:00Z")]
    [InlineData("1970-01-01 00:00:00 UTC", "1970-01-01T00:00:00Z")]
    [InlineData("12000-01-01T00:00:00Z", "+12000-01-01T00:00:00Z")]
    public void Parses_rfc3339_and_cf_reference_forms(string text, string expected)
    {
        var label = CalendarDateTime.Parse(text, CfCalendar.ProlepticGregorian);
        Assert.Equal(expected, label.ToRfc3339String());
        Assert.Equal(label, CalendarDateTime.Parse(label.ToRfc3339String(), CfCalendar.ProlepticGregorian));
    }

    [Theory]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2000-13-01")]
    [InlineData("2000-01-01T25:00:00Z")]
    [InlineData("2000-01-01T00:00:00+15:00")]
    public void Rejects_bad_text_with_format_exception(string text)
    {
        Assert.Throws<FormatException>(() => CalendarDateTime.Parse(text, CfCalendar.Standard));
        Assert.False(CalendarDateTime.TryParse(text, CfCalendar.Standard, out _));
    }

    [Fact]
    public void Converts_to_and_from_DateTimeOffset_for_gregorian_dates_only()
    {
        var now = new DateTimeOffset(2024, 2, 29, 13, 14, 15, TimeSpan.Zero).AddTicks(1230);
        var label = CalendarDateTime.FromDateTimeOffset(now, CfCalendar.Standard);
        Assert.Equal(now, label.ToDateTimeOffset());
        Assert.Throws<InvalidOperationException>(() => new CalendarDateTime(CfCalendar.NoLeap, 2000, 1, 1).ToDateTimeOffset());
        Assert.Throws<InvalidOperationException>(() => new CalendarDateTime(CfCalendar.Standard, 1500, 1, 1).ToDateTimeOffset());
    }

    [Theory]
    [InlineData("gregorian", CfCalendar.Standard)]
    [InlineData("365_day", CfCalendar.NoLeap)]
    [InlineData("366_DAY", CfCalendar.AllLeap)]
    [InlineData(null, CfCalendar.Standard)]
    public void Calendar_names_and_aliases(string? name, CfCalendar expected)
    {
        Assert.Equal(expected, CfCalendarNames.Parse(name));
        Assert.Equal(expected, CfCalendarNames.Parse(expected.ToCfName()));
    }

    [Fact]
    public void Unknown_calendar_names_are_refused()
    {
        var error = Assert.Throws<FormatException>(() => CfCalendarNames.Parse("lunar"));
        Assert.Contains("lunar", error.Message);
    }
}
