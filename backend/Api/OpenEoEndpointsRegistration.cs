using OpenEoBridge.Backend.Hosting;

namespace OpenEoBridge.Backend.Api;

/// <summary>Registers endpoint groups and maps them all below the API root.</summary>
public static class OpenEoEndpointsRegistration
{
    public static IServiceCollection AddOpenEoEndpoints<T>(this IServiceCollection services)
        where T : class, IOpenEoEndpoints =>
        services.AddSingleton<IOpenEoEndpoints, T>();

    /// <summary>Maps every registered <see cref="IOpenEoEndpoints"/> into one group carrying <see cref="OpenEoApiEndpointMetadata"/>.</summary>
    public static RouteGroupBuilder MapOpenEoApi(this WebApplication app)
    {
        var api = app.MapGroup(OpenEoApiRoot.Path).WithMetadata(OpenEoApiEndpointMetadata.Instance);
        foreach (var endpoints in app.Services.GetServices<IOpenEoEndpoints>())
        {
            endpoints.Map(api);
        }

        return api;
    }
}

/// <summary>Marks endpoints that belong to the versioned openEO API (and so appear in capabilities).</summary>
public sealed class OpenEoApiEndpointMetadata
{
    public static OpenEoApiEndpointMetadata Instance { get; } = new();

    private OpenEoApiEndpointMetadata()
    {
    }
}
