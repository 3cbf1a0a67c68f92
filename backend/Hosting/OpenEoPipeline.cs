using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Api;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Cors;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>The composition root's request half: middleware order and endpoint mapping.</summary>
public static class OpenEoPipeline
{
    public static WebApplication UseOpenEoBackend(this WebApplication app)
    {
        foreach (var key in UnknownConfigurationKeys.Find(app.Configuration))
        {
            app.Logger.LogWarning("Unknown configuration key '{Key}' is ignored; check its spelling against the README.", key);
        }

        if (app.Services.GetRequiredService<IOptions<OpenEoOptions>>().Value.ForwardedHeaders.TrustsAnyProxy)
        {
            app.UseForwardedHeaders();
        }

        // CORS outermost so that its headers reach every answer, including errors written below it.
        app.UseMiddleware<OpenEoCorsMiddleware>();
        app.UseMiddleware<ErrorHandlingMiddleware>();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapDiscovery();
        app.MapOpenEoApi();
        return app;
    }
}
