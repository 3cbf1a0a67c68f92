using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Dates;

/// <summary>
/// <c>date_difference</c>: <c>date2 - date1</c>. Fixed units divide the elapsed time; months and years count whole
/// calendar steps from <c>date1</c> plus the elapsed fraction of the next step, since their length varies.
/// </summary>
public sealed class DateDifference() : Process("date_difference")
{
    public override ValueTask<Value> InvokeAsync(ProcessCall call)
    {
        var from = TemporalArguments.Get(call, "date1").Instant.UtcDateTime;
        var to = TemporalArguments.Get(call, "date2").Instant.UtcDateTime;
        var unit = call.GetString("unit");
        var elapsed = to - from;
        double result = unit switch
        {
            "millisecond" => elapsed.TotalMilliseconds,
            "second" => elapsed.TotalSeconds,
            "minute" => elapsed.TotalMinutes,
            "hour" => elapsed.TotalHours,
            "day" => elapsed.TotalDays,
            "week" => elapsed.TotalDays / 7,
            "month" => CalendarSteps(from, to, 1),
            "year" => CalendarSteps(from, to, 12),
            _ => throw call.Invalid("unit", "one of the documented units"),
        };
        return ValueTask.FromResult<Value>(Value.Number(result));
    }

    private static double CalendarSteps(DateTime from, DateTime to, int monthsPerStep)
    {
        if (to < from)
        {
            return -CalendarSteps(to, from, monthsPerStep);
        }

        var months = ((to.Year - from.Year) * 12) + to.Month - from.Month;
        var steps = months / monthsPerStep;
        while (steps > 0 && from.AddMonths(steps * monthsPerStep) > to)
        {
            steps--;
        }

        // Both ends of the partial step count from date1, so a clamped month end (31 January + 1 month) does not drift.
        var anchor = from.AddMonths(steps * monthsPerStep);
        var next = from.AddMonths((steps + 1) * monthsPerStep);
        return steps + ((to - anchor) / (next - anchor));
    }
}
