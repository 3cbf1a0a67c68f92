using System.Globalization;
using System.Text;
using OpenEoBridge.Geo.Time;

namespace OpenEoBridge.Backend.Api.Collections;

/// <summary>
/// The step of a time axis as an ISO 8601 duration (<c>P1D</c>, <c>PT6H</c>, <c>PT0.5S</c>), measured as elapsed time
/// in the axis's calendar; null when labels are irregular (e.g. monthly in a real calendar) or there is only one.
/// </summary>
public static class TemporalStep
{
    public static string? FromLabels(IReadOnlyList<CalendarDateTime> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count < 2)
        {
            return null;
        }

        var step = labels[1].MicrosecondsSince(labels[0]);
        for (var i = 2; i < labels.Count; i++)
        {
            if (labels[i].MicrosecondsSince(labels[i - 1]) != step)
            {
                return null;
            }
        }

        return step > 0 ? ToIsoDuration(step) : null;
    }

    public static string ToIsoDuration(long microseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(microseconds);
        if (microseconds % CalendarDateTime.MicrosecondsPerDay == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"P{microseconds / CalendarDateTime.MicrosecondsPerDay}D");
        }

        var text = new StringBuilder("P");
        var days = microseconds / CalendarDateTime.MicrosecondsPerDay;
        if (days > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{days}D");
        }

        text.Append('T');
        var rest = microseconds % CalendarDateTime.MicrosecondsPerDay;
        var hours = rest / (3600 * CalendarDateTime.MicrosecondsPerSecond);
        var minutes = rest / (60 * CalendarDateTime.MicrosecondsPerSecond) % 60;
        var seconds = rest % (60 * CalendarDateTime.MicrosecondsPerSecond);
        if (hours > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{hours}H");
        }

        if (minutes > 0)
        {
            text.Append(CultureInfo.InvariantCulture, $"{minutes}M");
        }

        if (seconds > 0)
        {
            var whole = seconds / CalendarDateTime.MicrosecondsPerSecond;
            var fraction = seconds % CalendarDateTime.MicrosecondsPerSecond;
            text.Append(whole.ToString(CultureInfo.InvariantCulture));
            if (fraction > 0)
            {
                text.Append('.').Append(fraction.ToString("D6", CultureInfo.InvariantCulture).TrimEnd('0'));
            }

            text.Append('S');
        }

        return text.ToString();
    }
}
