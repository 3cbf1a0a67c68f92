namespace OpenEoBridge.Processes.Contract;

public enum ArgumentEvaluation
{
    Eager,
    Lazy,
}
