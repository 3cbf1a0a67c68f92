using Microsoft.Extensions.Options;
using OpenEoBridge.Backend.Configuration;

namespace OpenEoBridge.Backend.Auth.Basic;

/// <summary>
/// The basic-auth accounts: <c>OpenEo:Users</c> (re-read when the configuration reloads), or the demo
/// account when <see cref="DemoAccountRule"/> allows it.
/// </summary>
public sealed class UserDirectory
{
    private readonly IOptionsMonitor<OpenEoOptions> options;
    private readonly string? demoHash;

    public UserDirectory(IOptionsMonitor<OpenEoOptions> options, IConfiguration configuration, PasswordHashing hashing)
    {
        this.options = options;
        var decision = DemoAccountRule.Decide(options.CurrentValue, ListenAddresses.FromConfiguration(configuration));
        if (decision.RefusalReason is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        demoHash = decision.DemoEnabled ? hashing.Hash(DemoAccountRule.Password) : null;
    }

    public bool DemoEnabled => demoHash is not null;

    /// <summary>The stored password hash of a user, or null when there is no such user.</summary>
    public string? HashOf(string userName)
    {
        if (demoHash is not null)
        {
            return userName == DemoAccountRule.UserName ? demoHash : null;
        }

        return options.CurrentValue.Users.TryGetValue(userName, out var hash) ? hash : null;
    }
}
