using System.Globalization;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Api;

/// <summary>The integer query parameters of paged lists (<c>limit</c>, and our own <c>offset</c>).</summary>
public static class QueryCount
{
    /// <summary>An integer query value; absent or empty means "not given", as openEO prescribes for <c>limit</c>.</summary>
    public static int? Read(HttpRequest request, string name, int minimum)
    {
        var text = request.Query[name].ToString();
        if (text.Length == 0)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < minimum)
        {
            throw new OpenEoException(OpenEoErrorCodes.QueryParameterInvalid, $"The query parameter '{name}' must be an integer of at least {minimum}, got '{text}'.");
        }

        return value;
    }
}
