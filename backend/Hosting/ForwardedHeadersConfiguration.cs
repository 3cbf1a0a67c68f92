using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>Trusts X-Forwarded-For/-Proto/-Host only from loopback (unless turned off) and <c>OpenEo:ForwardedHeaders:KnownProxies</c>.</summary>
public sealed class ForwardedHeadersConfiguration(IOptions<OpenEoOptions> options) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions forwarded)
    {
        var settings = options.Value.ForwardedHeaders;
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        if (!settings.TrustLoopback)
        {
            // The framework's defaults are exactly the loopback network and address.
            forwarded.KnownIPNetworks.Clear();
            forwarded.KnownProxies.Clear();
        }

        foreach (var proxy in settings.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
    }
}
