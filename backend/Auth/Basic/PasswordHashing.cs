using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Identity;

namespace OpenEoBridge.Backend.Auth.Basic;

/// <summary>
/// Password hashes in ASP.NET Core Identity's format (PBKDF2 with a per-hash salt, version marker first),
/// so operators can produce them with the documented <c>hash-password</c> command.
/// </summary>
public sealed class PasswordHashing
{
    private static readonly PasswordHasher<BasicAccount> Hasher = new();
    private static readonly BasicAccount Account = new();

    // Verifying against this keeps the time for an unknown user similar to a known one.
    private static readonly Lazy<string> DecoyHash = new(() => Hasher.HashPassword(Account, Convert.ToHexString(RandomNumberGenerator.GetBytes(16))));

    public string Hash(string password) => Hasher.HashPassword(Account, password);

    public bool Verify(string? hash, string password)
    {
        var result = Hasher.VerifyHashedPassword(Account, hash ?? DecoyHash.Value, password);
        return hash is not null && result != PasswordVerificationResult.Failed;
    }

    /// <summary>A short digest of the stored hash, put into tokens so that changing the password invalidates them.</summary>
    public static string Fingerprint(string hash) =>
        Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(hash)).AsSpan(0, 12));

    /// <summary>True for strings in Identity's v3 hash format (base64, marker byte 0x01).</summary>
    public static bool LooksLikeHash(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return false;
        }

        var buffer = new byte[value.Length];
        return Convert.TryFromBase64String(value, buffer, out var written) && written > 13 && buffer[0] == 0x01;
    }

    /// <summary>The hasher is generic over a user type it never looks at.</summary>
    public sealed class BasicAccount;
}
