using System.Globalization;

namespace OpenEoBridge.Storage.Resilience;

/// <summary>Parses an HTTP <c>Retry-After</c> value: delay seconds or an HTTP date.</summary>
public static class RetryAfterHeader
{
    public static TimeSpan? Parse(string? value, TimeProvider? clock = null)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when)
            ? when - (clock ?? TimeProvider.System).GetUtcNow()
            : null;
    }
}
