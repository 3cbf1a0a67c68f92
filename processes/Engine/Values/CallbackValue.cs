using OpenEoBridge.Processes.Contract;

namespace OpenEoBridge.Processes.Values;

/// <summary>A child process graph (callback) handed to a process, already compiled into a delegate.</summary>
public sealed class CallbackValue(ProcessCallback callback) : Value
{
    public ProcessCallback Callback { get; } = callback;

    public override ValueKind Kind => ValueKind.Callback;
}
