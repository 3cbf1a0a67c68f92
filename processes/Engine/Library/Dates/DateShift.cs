using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Dates;

/// <summary>
/// <c>date_shift</c>. Calendar units work on the written clock time, so the offset never changes and month ends
/// are clamped (31 January + 1 month = 29 February in a leap year). A date shifted by hours is still a date.
/// </summary>
public sealed class DateShift() : Process("date_shift")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var date = TemporalArguments.Get(call, "date");
        var value = call.GetInteger("value");
        var unit = call.GetString("unit");
        DateTimeOffset shifted;
        try
        {
            shifted = Shift(date.Instant, value, unit) ?? throw call.Invalid("unit", "one of the documented units");
        }
        catch (ArgumentOutOfRangeException)
        {
            throw call.Invalid("value", "a shift that stays within the years 1 to 9999");
        }

        return ValueTask.FromResult<Value>(Value.String(date.Format(shifted)));
    }

    private static DateTimeOffset? Shift(DateTimeOffset instant, long value, string unit) => unit switch
    {
        "millisecond" => instant.AddTicks(checked(value * TimeSpan.TicksPerMillisecond)),
        "second" => instant.AddTicks(checked(value * TimeSpan.TicksPerSecond)),
        "minute" => instant.AddTicks(checked(value * TimeSpan.TicksPerMinute)),
        "hour" => instant.AddTicks(checked(value * TimeSpan.TicksPerHour)),
        "day" => instant.AddTicks(checked(value * TimeSpan.TicksPerDay)),
        "week" => instant.AddTicks(checked(value * 7 * TimeSpan.TicksPerDay)),
        "month" => instant.AddMonths(ToMonths(value)),
        "year" => instant.AddYears(ToMonths(value)),
        _ => null,
    };

    // More than 120000 months leave the supported range anyway; AddMonths then reports it.
    private static int ToMonths(long value) => (int)Math.Clamp(value, -120_000, 120_000);
}
