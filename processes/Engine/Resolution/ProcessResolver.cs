using OpenEoBridge.Processes.Contract;
using OpenEoBridge.Processes.Library;

namespace OpenEoBridge.Processes.Resolution;

/// <summary>
/// Finds the process a node names. Namespace <c>null</c>: the user's own processes first, then predefined;
/// <c>backend</c>: predefined only; <c>user</c>: the user's own only; a URL: refused (remote definitions are not
/// supported yet); anything else: unknown namespace.
/// </summary>
public sealed class ProcessResolver(ProcessCatalogue predefined, IUserProcessSource userProcesses)
{
    public ProcessCatalogue Predefined { get; } = predefined;

    public IUserProcessSource UserProcesses { get; } = userProcesses;

    /// <summary>Resolves or throws <c>ProcessUnsupported</c> with a message that says why.</summary>
    public async ValueTask<Process> ResolveAsync(string processId, string? ns, string? userId, CancellationToken cancellationToken)
    {
        switch (ns)
        {
            case null:
                return await FindUserProcessAsync(processId, userId, cancellationToken).ConfigureAwait(false)
                    ?? Predefined.Find(processId)
                    ?? throw OpenEoErrors.ProcessUnsupported(processId, ns);
            case ProcessNamespaces.Backend:
                return Predefined.Find(processId) ?? throw OpenEoErrors.ProcessUnsupported(processId, ns);
            case ProcessNamespaces.User:
                return await FindUserProcessAsync(processId, userId, cancellationToken).ConfigureAwait(false)
                    ?? throw OpenEoErrors.ProcessUnsupported(processId, ns);
            default:
                if (ProcessNamespaces.IsUrl(ns))
                {
                    throw new OpenEoException("ProcessUnsupported",
                        $"Process '{processId}' refers to the remote process definition '{ns}'; this back-end does not load processes from URLs. Store it as a user-defined process instead.");
                }

                throw new OpenEoException("ProcessUnsupported",
                    $"Process with identifier '{processId}' is not available in namespace '{ns}': known namespaces are null, 'backend' and 'user'.");
        }
    }

    private async ValueTask<Process?> FindUserProcessAsync(string processId, string? userId, CancellationToken cancellationToken)
    {
        if (userId is null)
        {
            return null;
        }

        var document = await UserProcesses.FindAsync(userId, processId, cancellationToken).ConfigureAwait(false);
        return document is null ? null : new UserDefinedProcess(processId, document);
    }
}
