namespace OpenEoBridge.Processes.Values;

/// <summary>A value that the chosen JSON rules cannot carry (NaN in strict JSON, a callback, a data cube).</summary>
public sealed class NotJsonRepresentableException(string message) : Exception(message);
