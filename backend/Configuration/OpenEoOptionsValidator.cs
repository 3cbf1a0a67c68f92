using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace OpenEoBridge.Backend.Configuration;

/// <summary>Checks the whole <c>OpenEo</c> section once at start-up and names every problem it finds.</summary>
public sealed partial class OpenEoOptionsValidator(IConfiguration configuration) : IValidateOptions<OpenEoOptions>
{
    /// <summary>Grant types the openEO API allows in <c>default_clients</c>.</summary>
    public static readonly IReadOnlySet<string> AllowedGrantTypes = new HashSet<string>(StringComparer.Ordinal)
    {
        "implicit",
        "authorization_code",
        "authorization_code+pkce",
        "urn:ietf:params:oauth:grant-type:device_code",
        "urn:ietf:params:oauth:grant-type:device_code+pkce",
        "refresh_token",
    };

    public ValidateOptionsResult Validate(string? name, OpenEoOptions options)
    {
        var errors = new List<string>();
        if (options.PublicUrl is { } url && (!url.IsAbsoluteUri || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps)))
        {
            errors.Add($"OpenEo:PublicUrl must be an absolute http(s) URL, got '{url}'.");
        }

        if (string.IsNullOrWhiteSpace(options.DataDirectory))
        {
            errors.Add("OpenEo:DataDirectory must not be empty.");
        }

        if (string.IsNullOrWhiteSpace(options.Id) || string.IsNullOrWhiteSpace(options.Title))
        {
            errors.Add("OpenEo:Id and OpenEo:Title must not be empty.");
        }

        ValidateUsers(options, errors);
        foreach (var (id, provider) in options.Oidc.Providers)
        {
            ValidateProvider(id, provider, errors);
        }

        ValidateLimits(options, errors);
        foreach (var proxy in options.ForwardedHeaders.KnownProxies)
        {
            if (!System.Net.IPAddress.TryParse(proxy, out _))
            {
                errors.Add($"OpenEo:ForwardedHeaders:KnownProxies: '{proxy}' is not an IP address.");
            }
        }

        var demo = DemoAccountRule.Decide(options, ListenAddresses.FromConfiguration(configuration));
        if (demo.RefusalReason is { } reason)
        {
            errors.Add(reason);
        }

        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    private static void ValidateUsers(OpenEoOptions options, List<string> errors)
    {
        foreach (var (user, hash) in options.Users)
        {
            // The name becomes the openEO user_id, whose pattern is ^[\w\-\.~]+$; '~' is kept for OIDC ids (PROVIDER~SUB).
            if (!UserNamePattern().IsMatch(user))
            {
                errors.Add($"OpenEo:Users: '{user}' is not a usable user name (letters, digits, '_', '-', '.').");
            }

            if (!Auth.Basic.PasswordHashing.LooksLikeHash(hash))
            {
                errors.Add($"OpenEo:Users:{user} is not a password hash. Create one with 'dotnet run --project backend --no-launch-profile -- hash-password'.");
            }
        }
    }

    private static void ValidateProvider(string id, OidcProviderOptions provider, List<string> errors)
    {
        var prefix = $"OpenEo:Oidc:Providers:{id}";
        if (!ProviderIdPattern().IsMatch(id))
        {
            errors.Add($"{prefix}: the provider id must match [\\d\\w]{{1,20}} (letters, digits, underscore; at most 20).");
        }

        if (provider.Issuer is not { IsAbsoluteUri: true } issuer)
        {
            errors.Add($"{prefix}:Issuer must be an absolute URL.");
        }
        else if (issuer.Scheme != Uri.UriSchemeHttps && provider.RequireHttps && !issuer.IsLoopback)
        {
            errors.Add($"{prefix}:Issuer must use https (set RequireHttps=false only for a trusted test issuer).");
        }

        if (string.IsNullOrWhiteSpace(provider.Title))
        {
            errors.Add($"{prefix}:Title is required (clients show it on the login button).");
        }

        foreach (var client in provider.DefaultClients)
        {
            if (string.IsNullOrWhiteSpace(client.Id))
            {
                errors.Add($"{prefix}:DefaultClients: every client needs an Id.");
            }

            if (client.GrantTypes.Count == 0)
            {
                errors.Add($"{prefix}:DefaultClients: client '{client.Id}' needs at least one grant type.");
            }

            foreach (var grant in client.GrantTypes.Where(g => !AllowedGrantTypes.Contains(g)))
            {
                errors.Add($"{prefix}:DefaultClients: grant type '{grant}' is not one of {string.Join(", ", AllowedGrantTypes)}.");
            }
        }

        if (provider.Audiences.Count == 0 && provider.AuthorizedParties.Count == 0 && !provider.DefaultClients.Any(c => !string.IsNullOrWhiteSpace(c.Id)))
        {
            errors.Add($"{prefix}: configure Audiences or AuthorizedParties (or a default client), otherwise tokens issued to any client of the provider would be accepted.");
        }

        if (provider.ClockSkew < TimeSpan.Zero || provider.ClockSkew > TimeSpan.FromMinutes(10))
        {
            errors.Add($"{prefix}:ClockSkew must be between 0 and 10 minutes.");
        }

        if (provider.RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add($"{prefix}:RequestTimeout must be positive.");
        }
    }

    private static void ValidateLimits(OpenEoOptions options, List<string> errors)
    {
        if (options.Limits.MaxRequestBodyBytes <= 0)
        {
            errors.Add("OpenEo:Limits:MaxRequestBodyBytes must be positive.");
        }

        if (options.Limits.MaxJsonDepth is < 8 or > 4096)
        {
            errors.Add("OpenEo:Limits:MaxJsonDepth must be between 8 and 4096.");
        }

        if (options.BasicAuth.TokenLifetime <= TimeSpan.Zero)
        {
            errors.Add("OpenEo:BasicAuth:TokenLifetime must be positive.");
        }

        if (options.BasicAuth.MaxFailedAttempts < 1 || options.BasicAuth.FailureWindow <= TimeSpan.Zero)
        {
            errors.Add("OpenEo:BasicAuth:MaxFailedAttempts must be at least 1 and FailureWindow positive.");
        }
    }

    [GeneratedRegex(@"^[\w\-\.]{1,64}$")]
    private static partial Regex UserNamePattern();

    [GeneratedRegex(@"^[\d\w]{1,20}$")]
    private static partial Regex ProviderIdPattern();
}
