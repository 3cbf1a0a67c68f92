using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Auth.Basic;

/// <summary>
/// The HMAC key that signs basic-auth tokens. It lives in the data directory, created on first start, so
/// tokens stay valid across restarts; deleting the file revokes every token.
/// </summary>
public sealed class TokenSigningKey
{
    public const string RelativePath = "secrets/token-signing.key";
    private const int KeyBytes = 32;

    public TokenSigningKey(IOptions<OpenEoOptions> options)
    {
        var path = Path.Combine(DataDirectory.Resolve(options.Value), RelativePath);
        Key = LoadOrCreate(path);
    }

    public byte[] Key { get; }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
        {
            var existing = File.ReadAllBytes(path);
            if (existing.Length != KeyBytes)
            {
                throw new InvalidOperationException($"The token signing key {path} is damaged ({existing.Length} bytes instead of {KeyBytes}); delete it to create a new one (this logs out every basic-auth user).");
            }

            return existing;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        var fileOptions = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            fileOptions.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(temporary, fileOptions))
        {
            stream.Write(key);
        }

        try
        {
            // Two instances starting at once over one data directory must end up with the same key.
            File.Move(temporary, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temporary);
            return File.ReadAllBytes(path);
        }
    }
}
