using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Backend.Api.Processing;

/// <summary>
/// The one rule for NaN and ±Infinity in <c>/validation</c> and <c>/result</c>, for requests and responses alike:
/// JSON is strict RFC 8259 unless the request carries the header <c>OpenEO-NonFinite-Numbers: tokens</c>. With it, the
/// request body may contain the bare tokens <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> and the response writes them
/// the same way (and echoes the header). Without it, such tokens in a request are invalid JSON, and a result that
/// contains a non-finite number is refused with <c>FormatUnsuitable</c> instead of being silently changed.
/// </summary>
public static class NonFiniteNumberRule
{
    public const string HeaderName = "OpenEO-NonFinite-Numbers";
    public const string TokensValue = "tokens";

    public static NonFiniteNumbers For(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderName, out var values) && values.Any(v => string.Equals(v?.Trim(), TokensValue, StringComparison.OrdinalIgnoreCase))
            ? NonFiniteNumbers.AsBareTokens
            : NonFiniteNumbers.Reject;
}
