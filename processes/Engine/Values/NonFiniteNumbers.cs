namespace OpenEoBridge.Processes.Values;

/// <summary>How NaN and ±Infinity cross a JSON boundary.</summary>
public enum NonFiniteNumbers
{
    /// <summary>Strict RFC 8259: a non-finite number cannot be written (or read) and is an error.</summary>
    Reject,

    /// <summary>Bare <c>NaN</c>, <c>Infinity</c>, <c>-Infinity</c> tokens, as JSON5 and most JSON libraries of scientific stacks do.</summary>
    AsBareTokens,
}
