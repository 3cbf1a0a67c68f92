namespace OpenEoBridge.Processes.Contract;

/// <summary>
/// An exception declared by a process definition (<c>exceptions</c> map): its name is the code, its message and
/// <c>http</c> status (default 400) come from the definition. Create it with <see cref="Process.Fail"/>.
/// </summary>
public sealed class ProcessException(string processId, string name, string message, int httpStatus)
    : OpenEoException(name, message, httpStatus)
{
    public string ProcessId { get; } = processId;
}
