using System.Collections.Immutable;
using OpenEoBridge.Processes.Values;

namespace OpenEoBridge.Processes.Graph;

/// <summary>An argument value in a process graph: a literal, a container with references inside, or a reference.</summary>
public abstract record Argument;

/// <summary>Plain JSON (including arrays and objects without references inside), kept as a <see cref="Value"/> with raw number text.</summary>
public sealed record LiteralArgument(Value Value) : Argument;

/// <summary>An array that contains at least one reference or callback somewhere inside.</summary>
public sealed record ArrayArgument(ImmutableArray<Argument> Items) : Argument;

/// <summary>An object that contains at least one reference or callback somewhere inside (key order kept).</summary>
public sealed record ObjectArgument(ImmutableArray<KeyValuePair<string, Argument>> Properties) : Argument;

/// <summary><c>{"from_node": id}</c>: the result of another node of the same graph level.</summary>
public sealed record FromNodeArgument(string NodeId) : Argument;

/// <summary><c>{"from_parameter": name}</c>: a parameter of an enclosing process or callback, resolved at run time.</summary>
public sealed record FromParameterArgument(string Name) : Argument;

/// <summary><c>{"process_graph": {...}, ...}</c>: a child process (callback), possibly with process metadata.</summary>
public sealed record ProcessGraphArgument(ProcessDocument Process) : Argument;
