using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Auth.Basic;

/// <summary>Exchanges an HTTP Basic <c>Authorization</c> header for an access token (<c>GET /credentials/basic</c>).</summary>
public sealed class BasicLoginService(UserDirectory users, PasswordHashing hashing, LoginThrottle throttle, BasicTokenService tokens, ILogger<BasicLoginService> logger)
{
    public IssuedToken Login(string? authorization, string client)
    {
        var (user, password) = ParseHeader(authorization);
        if (throttle.RetryAfter(user, client) is { } wait)
        {
            var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
            var error = new OpenEoException(OpenEoErrorCodes.TooManyLoginAttempts, $"Too many failed logins for '{user}'. Try again in {seconds} seconds.");
            error.Headers["Retry-After"] = seconds.ToString(CultureInfo.InvariantCulture);
            throw error;
        }

        if (!hashing.Verify(users.HashOf(user), password))
        {
            throttle.RecordFailure(user, client);
            logger.LogWarning("Failed basic login for {User} from {Client}", user, client);
            throw new OpenEoException(OpenEoErrorCodes.CredentialsInvalid, "Credentials are not correct.");
        }

        throttle.RecordSuccess(user, client);
        return tokens.Issue(user);
    }

    private static (string User, string Password) ParseHeader(string? authorization)
    {
        if (string.IsNullOrEmpty(authorization))
        {
            var required = new OpenEoException(OpenEoErrorCodes.AuthenticationRequired, "Send user name and password with HTTP Basic authentication.");
            required.Headers["WWW-Authenticate"] = "Basic realm=\"openEO\", charset=\"UTF-8\"";
            throw required;
        }

        if (!AuthenticationHeaderValue.TryParse(authorization, out var header) ||
            !header.Scheme.Equals("Basic", StringComparison.OrdinalIgnoreCase) || header.Parameter is null)
        {
            throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, "This endpoint expects 'Authorization: Basic <base64(user:password)>'.");
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter));
        }
        catch (FormatException)
        {
            throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, "The Basic credentials are not valid base64.");
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, "The Basic credentials must be 'user:password'.");
        }

        return (decoded[..colon], decoded[(colon + 1)..]);
    }
}
