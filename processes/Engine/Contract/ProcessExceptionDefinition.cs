namespace OpenEoBridge.Processes.Contract;

/// <summary>An entry of a process definition's <c>exceptions</c> map.</summary>
public sealed record ProcessExceptionDefinition(string Name, string Message, int HttpStatus);
