using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Auth.Basic;
using OpenEoBridge.Backend.Auth.Oidc;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Auth;

/// <summary>
/// Reads openEO bearer tokens (<c>Bearer basic//TOKEN</c>, <c>Bearer oidc/PROVIDER/TOKEN</c>) and answers
/// challenges with openEO errors: 401 <c>AuthenticationRequired</c> without credentials, 403 with the
/// specific code when credentials were sent but are unusable.
/// </summary>
public sealed class OpenEoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    BasicTokenService basicTokens,
    OidcTokenValidator oidc)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "openEO";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(header))
        {
            return AuthenticateResult.NoResult();
        }

        try
        {
            var user = await AuthenticateAsync(header, Context.RequestAborted);
            return AuthenticateResult.Success(new AuthenticationTicket(user.ToPrincipal(), SchemeName));
        }
        catch (OpenEoException error)
        {
            return AuthenticateResult.Fail(error);
        }
    }

    private async Task<OpenEoUser> AuthenticateAsync(string header, CancellationToken cancellationToken)
    {
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, "Only 'Authorization: Bearer <method>/<provider>/<token>' is accepted here.");
        }

        var credentials = BearerCredentials.Parse(header["Bearer ".Length..].Trim());
        return credentials.Method switch
        {
            OpenEoUser.BasicMethod when credentials.Provider.Length == 0 => basicTokens.Validate(credentials.Token),
            OpenEoUser.OidcMethod => await oidc.ValidateAsync(credentials.Provider, credentials.Token, cancellationToken),
            _ => throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, $"Authentication method '{credentials.Method}' with provider '{credentials.Provider}' is not supported."),
        };
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        if (result.Failure is OpenEoException error)
        {
            await OpenEoErrorWriter.WriteAsync(Context, error);
            return;
        }

        var required = new OpenEoException(OpenEoErrorCodes.AuthenticationRequired, "Unauthorized. Authenticate with basic or OpenID Connect credentials first.");
        required.Headers["WWW-Authenticate"] = "Bearer";
        await OpenEoErrorWriter.WriteAsync(Context, required);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        OpenEoErrorWriter.WriteAsync(Context, new OpenEoException(OpenEoErrorCodes.PermissionsInsufficient, "The permissions of this account do not allow this request."));
}
