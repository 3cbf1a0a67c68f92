using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>Applies <c>OpenEo:Limits:MaxRequestBodyBytes</c> to Kestrel.</summary>
public sealed class KestrelLimitsConfiguration(IOptions<OpenEoOptions> options) : IConfigureOptions<KestrelServerOptions>
{
    public void Configure(KestrelServerOptions kestrel)
    {
        kestrel.Limits.MaxRequestBodySize = options.Value.Limits.MaxRequestBodyBytes;
        kestrel.AddServerHeader = false;
    }
}
