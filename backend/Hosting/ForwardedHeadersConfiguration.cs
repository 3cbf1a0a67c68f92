using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>Trusts X-Forwarded-For/-Proto/-Host only from loopback and <c>OpenEo:ForwardedHeaders:KnownProxies</c>.</summary>
public sealed class ForwardedHeadersConfiguration(IOptions<OpenEoOptions> options) : IConfigureOptions<ForwardedHeadersOptions>
{
    public void Configure(ForwardedHeadersOptions forwarded)
    {
        forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
        foreach (var proxy in options.Value.ForwardedHeaders.KnownProxies)
        {
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        }
    }
}
