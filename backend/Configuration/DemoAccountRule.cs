namespace OpenEoBridge.Backend.Configuration;

/// <summary>
/// The demo account (demo/demo) is a convenience for a developer's own machine: it exists only when no
/// account of any kind is configured and the server cannot be reached from another machine.
/// </summary>
public static class DemoAccountRule
{
    public const string UserName = "demo";
    public const string Password = "demo";

    public static DemoAccountDecision Decide(OpenEoOptions options, IReadOnlyList<string> listenAddresses)
    {
        if (options.Users.Count > 0 || options.Oidc.Providers.Count > 0)
        {
            return DemoAccountDecision.NotNeeded;
        }

        var exposed = listenAddresses.Where(a => !ListenAddresses.IsLoopback(a)).ToList();
        if (exposed.Count == 0)
        {
            return DemoAccountDecision.Enabled;
        }

        return DemoAccountDecision.Refused(
            $"No user accounts (OpenEo:Users) and no OpenID Connect providers (OpenEo:Oidc:Providers) are configured, " +
            $"and the server would listen on {string.Join(", ", exposed)}, which is reachable from other machines. " +
            "The demo account is only offered on loopback addresses. Configure at least one user " +
            "(e.g. OpenEo__Users__alice=<hash from 'dotnet run --project backend --no-launch-profile -- hash-password'>) or an OIDC provider.");
    }
}

public sealed record DemoAccountDecision(bool DemoEnabled, string? RefusalReason)
{
    public static DemoAccountDecision NotNeeded { get; } = new(false, null);

    public static DemoAccountDecision Enabled { get; } = new(true, null);

    public static DemoAccountDecision Refused(string reason) => new(false, reason);
}
