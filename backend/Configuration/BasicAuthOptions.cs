namespace OpenEoBridge.Backend.Configuration;

/// <summary><c>OpenEo:BasicAuth</c>: tokens handed out by <c>GET /credentials/basic</c> and login throttling.</summary>
public sealed class BasicAuthOptions
{
    /// <summary>How long a token stays valid; long enough by default for a batch job started at the end of a working day.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Failed logins for one user from one address tolerated within <see cref="FailureWindow"/> before further attempts are refused.</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
}
