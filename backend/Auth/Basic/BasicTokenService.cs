using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;
using OpenEoBridge.Backend.Errors;

namespace OpenEoBridge.Backend.Auth.Basic;

/// <summary>
/// Issues and checks basic-auth access tokens: <c>payload.signature</c>, base64url, HMAC-SHA256 over the
/// payload. The payload names the user, the expiry and a fingerprint of the user's password hash, so
/// tokens survive restarts without server-side state and die when the password changes.
/// </summary>
public sealed class BasicTokenService(TokenSigningKey key, UserDirectory users, IOptionsMonitor<OpenEoOptions> options, TimeProvider time)
{
    public IssuedToken Issue(string userName)
    {
        var hash = users.HashOf(userName) ?? throw new InvalidOperationException($"Unknown user {userName}.");
        var expires = time.GetUtcNow() + options.CurrentValue.BasicAuth.TokenLifetime;
        var payload = JsonSerializer.SerializeToUtf8Bytes(new TokenPayload(userName, expires.ToUnixTimeSeconds(), PasswordHashing.Fingerprint(hash)));
        var token = $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(Sign(payload))}";
        return new IssuedToken(token, expires);
    }

    public OpenEoUser Validate(string token)
    {
        var payload = ReadPayload(token) ?? throw Invalid("The token is malformed or its signature does not match.");
        if (DateTimeOffset.FromUnixTimeSeconds(payload.ExpiresAt) <= time.GetUtcNow())
        {
            throw Invalid("The token has expired. Please log in again.");
        }

        if (users.HashOf(payload.User) is not { } hash ||
            !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(PasswordHashing.Fingerprint(hash)), Encoding.UTF8.GetBytes(payload.Fingerprint)))
        {
            throw Invalid("The token was revoked (the account changed). Please log in again.");
        }

        return new OpenEoUser(payload.User, payload.User, OpenEoUser.BasicMethod, null, token);
    }

    private TokenPayload? ReadPayload(string token)
    {
        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0 || token.Length > 4096)
        {
            return null;
        }

        try
        {
            var payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            var signature = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
            if (!CryptographicOperations.FixedTimeEquals(signature, Sign(payload)))
            {
                return null;
            }

            return JsonSerializer.Deserialize<TokenPayload>(payload);
        }
        catch (Exception error) when (error is FormatException or JsonException)
        {
            return null;
        }
    }

    private byte[] Sign(byte[] payload) => HMACSHA256.HashData(key.Key, payload);

    private static OpenEoException Invalid(string message) => new(OpenEoErrorCodes.TokenInvalid, message);

    private sealed record TokenPayload(
        [property: JsonPropertyName("u")] string User,
        [property: JsonPropertyName("e")] long ExpiresAt,
        [property: JsonPropertyName("f")] string Fingerprint);
}

public sealed record IssuedToken(string AccessToken, DateTimeOffset ExpiresAt);
