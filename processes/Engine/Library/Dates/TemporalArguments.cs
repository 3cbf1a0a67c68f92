using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Library.Dates;

/// <summary>Reads date and date-time arguments, failing with <c>ProcessParameterInvalid</c> on other text.</summary>
internal static class TemporalArguments
{
    public static TemporalText? GetOrNull(ProcessCall call, string name)
    {
        var value = call.Get(name);
        if (value.IsNoData)
        {
            return null;
        }

        return value is StringValue s && TemporalText.TryParse(s.Value, out var temporal)
            ? temporal
            : throw call.Invalid(name, "an RFC 3339 date or date-time");
    }

    public static TemporalText Get(ProcessCall call, string name) =>
        GetOrNull(call, name) ?? throw call.Invalid(name, "an RFC 3339 date or date-time");
}
