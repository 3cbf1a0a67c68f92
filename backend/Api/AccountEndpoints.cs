using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenEoBridge.Backend.Api.Models;
using OpenEoBridge.Backend.Auth;
using OpenEoBridge.Backend.Auth.Basic;
using OpenEoBridge.Backend.Auth.Oidc;

namespace OpenEoBridge.Backend.Api;

/// <summary>openEO tag "Account Management": <c>/credentials/basic</c>, <c>/credentials/oidc</c> (only with providers), <c>/me</c>.</summary>
public sealed class AccountEndpoints(OidcProviderRegistry providers) : IOpenEoEndpoints
{
    public void Map(RouteGroupBuilder api)
    {
        api.MapGet("/credentials/basic", Login).AllowAnonymous();
        if (providers.All.Count > 0)
        {
            // Without providers the endpoint must not exist (404, absent from capabilities).
            api.MapGet("/credentials/oidc", ListProviders).AllowAnonymous();
        }

        api.MapGet("/me", Me).RequireAuthorization();
    }

    private static Ok<BasicTokenResponse> Login(HttpContext context, BasicLoginService login)
    {
        var client = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var token = login.Login(context.Request.Headers.Authorization.ToString(), client);
        return TypedResults.Ok(new BasicTokenResponse(token.AccessToken));
    }

    private static Ok<OidcProvidersDocument> ListProviders(OidcProviderRegistry registry) =>
        TypedResults.Ok(new OidcProvidersDocument(registry.All.Select(p => new OidcProviderDescription(
            p.Id,
            p.Options.Issuer!.AbsoluteUri,
            p.Options.Title!,
            p.Options.Description,
            p.Options.Scopes,
            p.Options.DefaultClients.Count == 0 ? null : p.Options.DefaultClients.Select(c => new OidcDefaultClient(c.Id!, c.GrantTypes, c.RedirectUrls.Count == 0 ? null : c.RedirectUrls)).ToList(),
            [])).ToList()));

    private static Ok<UserDescription> Me(ClaimsPrincipal principal)
    {
        var user = OpenEoUser.From(principal) ?? throw new InvalidOperationException("/me requires an authenticated user.");
        return TypedResults.Ok(new UserDescription(user.UserId, user.Name, new List<Link>()));
    }
}
