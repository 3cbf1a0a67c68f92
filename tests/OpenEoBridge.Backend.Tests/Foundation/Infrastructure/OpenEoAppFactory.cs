using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenEoBridge.TestSupport;

namespace OpenEoBridge.Backend.Tests.Foundation.Infrastructure;

/// <summary>
/// The back-end in an in-memory test server, with its own data directory and configuration. The content
/// root is set explicitly because builds may put binaries outside the source tree.
/// </summary>
public sealed class OpenEoAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? services;

    static OpenEoAppFactory()
    {
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_OPENEOBRIDGE_BACKEND", BackendContentRoot);
    }

    public OpenEoAppFactory(string dataDirectory, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        DataDirectory = dataDirectory;
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["OpenEo:DataDirectory"] = dataDirectory };

        // Generating the demo collections costs seconds of CPU per fresh data directory; tests that need them say so.
        this.settings.TryAdd("OpenEo:Catalog:Demo", "false");
        this.services = services;
    }

    public static string BackendContentRoot => Path.Combine(SharedPaths.RepositoryRoot, "backend");

    public string DataDirectory { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseContentRoot(BackendContentRoot);
        builder.UseEnvironment("Testing");
        builder.ConfigureAppConfiguration(config => config.AddInMemoryCollection(settings));
        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
