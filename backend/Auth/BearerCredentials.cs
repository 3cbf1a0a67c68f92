using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Auth;

/// <summary>The three parts of an openEO bearer token: <c>method/provider/token</c>.</summary>
public sealed record BearerCredentials(string Method, string Provider, string Token)
{
    public static BearerCredentials Parse(string value)
    {
        var first = value.IndexOf('/', StringComparison.Ordinal);
        var second = first < 0 ? -1 : value.IndexOf('/', first + 1);
        if (second < 0 || second == value.Length - 1)
        {
            throw new OpenEoException(OpenEoErrorCodes.AuthenticationSchemeInvalid, "The bearer token must have the form <method>/<provider>/<token>, e.g. basic//TOKEN or oidc/PROVIDER/TOKEN.");
        }

        return new BearerCredentials(value[..first], value[(first + 1)..second], value[(second + 1)..]);
    }
}
