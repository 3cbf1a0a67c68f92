using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Api;
using OpenEoBridge.Backend.Auth;
using OpenEoBridge.Backend.Auth.Basic;
using OpenEoBridge.Backend.Auth.Oidc;
using OpenEoBridge.Backend.Capabilities;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Hosting;

/// <summary>The composition root's service half: options, authentication, JSON and the endpoint groups.</summary>
public static class OpenEoServiceRegistration
{
    public static WebApplicationBuilder AddOpenEoBackend(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OpenEoOptions>().BindConfiguration(OpenEoOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpenEoOptions>, OpenEoOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);
        services.AddMemoryCache();
        services.AddHealthChecks();
        services.AddHttpClient(OidcProviderRegistry.HttpClientName);

        services.AddSingleton<IConfigureOptions<JsonOptions>, JsonConfiguration>();
        services.AddSingleton<IConfigureOptions<KestrelServerOptions>, KestrelLimitsConfiguration>();
        services.AddSingleton<IConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersConfiguration>();
        // Binding failures (malformed JSON, wrong content type) must reach the error middleware as exceptions.
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        services.AddSingleton<PublicUrls>();
        services.AddSingleton<Conformance>();
        services.AddSingleton<EndpointCatalog>();

        services.AddSingleton<PasswordHashing>();
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<TokenSigningKey>();
        services.AddSingleton<BasicTokenService>();
        services.AddSingleton<LoginThrottle>();
        services.AddSingleton<BasicLoginService>();
        services.AddSingleton<OidcProviderRegistry>();
        services.AddSingleton<OidcTokenValidator>();
        services.AddAuthentication(OpenEoAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, OpenEoAuthenticationHandler>(OpenEoAuthenticationHandler.SchemeName, null);
        services.AddAuthorization();

        // Endpoint groups of the versioned API. Other parts of the back-end add theirs here, one line each
        // (e.g. services.AddOpenEoEndpoints<ProcessesEndpoints>()); they appear in capabilities automatically.
        services.AddOpenEoEndpoints<CapabilitiesEndpoints>();
        services.AddOpenEoEndpoints<AccountEndpoints>();
        services.AddOpenEoEndpoints<OpenEoBridge.Backend.Api.Processes.ProcessesEndpoints>();
        OpenEoBridge.Backend.Api.Processing.ProcessingServiceRegistration.AddOpenEoProcessing(services);
        OpenEoBridge.Backend.Catalog.CatalogServiceRegistration.AddOpenEoCatalog(services);
        return builder;
    }
}
