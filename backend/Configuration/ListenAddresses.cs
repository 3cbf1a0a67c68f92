using System.Net;

namespace OpenEoBridge.Backend.Configuration;

/// <summary>
/// The addresses Kestrel is configured to listen on, read the way the host reads them (<c>urls</c>,
/// <c>http_ports</c>/<c>https_ports</c>, <c>Kestrel:Endpoints:*:Url</c>), so rules that depend on exposure
/// can be checked before the server binds.
/// </summary>
public static class ListenAddresses
{
    /// <summary>What Kestrel binds when nothing is configured.</summary>
    public const string KestrelDefault = "http://localhost:5000";

    public static IReadOnlyList<string> FromConfiguration(IConfiguration configuration)
    {
        var addresses = new List<string>();
        foreach (var endpoint in configuration.GetSection("Kestrel:Endpoints").GetChildren())
        {
            if (endpoint["Url"] is { Length: > 0 } url)
            {
                addresses.Add(url);
            }
        }

        if (configuration["urls"] is { Length: > 0 } urls)
        {
            addresses.AddRange(urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }

        foreach (var (key, scheme) in new[] { ("http_ports", "http"), ("https_ports", "https") })
        {
            if (configuration[key] is { Length: > 0 } ports)
            {
                addresses.AddRange(ports.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .Select(port => $"{scheme}://*:{port}"));
            }
        }

        return addresses.Count > 0 ? addresses : [KestrelDefault];
    }

    /// <summary>True when the address can only be reached from this machine.</summary>
    public static bool IsLoopback(string address)
    {
        var host = HostOf(address);
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip);
    }

    private static string HostOf(string address)
    {
        // Kestrel accepts wildcard hosts ("*", "+") that Uri cannot parse; they are never loopback.
        var afterScheme = address.Contains("://", StringComparison.Ordinal) ? address[(address.IndexOf("://", StringComparison.Ordinal) + 3)..] : address;
        var end = afterScheme.IndexOf('/', StringComparison.Ordinal);
        var authority = end >= 0 ? afterScheme[..end] : afterScheme;
        if (authority.StartsWith('['))
        {
            var close = authority.IndexOf(']', StringComparison.Ordinal);
            return close > 0 ? authority[..(close + 1)] : authority;
        }

        var colon = authority.LastIndexOf(':');
        return colon >= 0 ? authority[..colon] : authority;
    }
}
